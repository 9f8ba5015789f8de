// The recognizer page's policy relaxes exactly what vosk-browser needs, and the main UI's does not.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  buildContentSecurityPolicy,
  buildMetaContentSecurityPolicy,
  buildRecognizerContentSecurityPolicy,
  buildRecognizerMetaContentSecurityPolicy,
} from '../../../src/main/app/content-security-policy';

function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split('; ').find((entry) => entry.startsWith(`${name} `));
  return found?.split(' ').slice(1);
}

describe('recognizer content security policy', () => {
  it('allows eval, blob: workers and the model protocol, and nothing else beyond the main policy', () => {
    const policy = buildRecognizerContentSecurityPolicy();
    assert.deepEqual(directive(policy, 'script-src'), ["'self'", "'unsafe-eval'", 'blob:']);
    assert.deepEqual(directive(policy, 'worker-src'), ['blob:']);
    assert.deepEqual(directive(policy, 'connect-src'), ["'self'", 'attune-model:']);
    assert.deepEqual(directive(policy, 'default-src'), ["'self'"]);
    assert.deepEqual(directive(policy, 'object-src'), ["'none'"]);
    assert.deepEqual(directive(policy, 'frame-ancestors'), ["'none'"]);
    assert.doesNotMatch(policy, /unsafe-inline/);
  });

  it('leaves the main UI policy without eval or blob:', () => {
    for (const policy of [buildContentSecurityPolicy(), buildMetaContentSecurityPolicy()]) {
      assert.doesNotMatch(policy, /unsafe-eval|blob:|attune-model:/);
    }
  });

  it('matches the meta tags of the three pages', () => {
    const meta = (page: string): string | undefined =>
      /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(readFileSync(join(import.meta.dirname, '../../../src/renderer', page), 'utf8'))?.[1];
    assert.equal(meta('recognizer.html'), buildRecognizerMetaContentSecurityPolicy());
    assert.equal(meta('index.html'), buildMetaContentSecurityPolicy());
    assert.equal(meta('overlay.html'), buildMetaContentSecurityPolicy());
  });
});
