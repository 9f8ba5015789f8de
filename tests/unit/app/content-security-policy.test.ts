// The main UI's policy stays strict while letting the replay play stored recordings: media from the
// app's attune-recording: protocol, and exactly wavesurfer's one shadow-root stylesheet by hash (no
// 'unsafe-inline', no eval); dev relaxes only what Vite's server needs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildContentSecurityPolicy,
  buildMetaContentSecurityPolicy,
  RECORDING_MEDIA_SOURCE,
  WAVESURFER_STYLE_HASH,
} from '../../../src/main/app/content-security-policy';
import { RECORDING_SCHEME } from '../../../src/main/replay/recording-protocol';

function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split('; ').find((entry) => entry.startsWith(`${name} `));
  return found?.split(' ').slice(1);
}

describe('main UI content security policy', () => {
  it('plays media only from the app itself and the attune-recording: protocol', () => {
    assert.equal(RECORDING_MEDIA_SOURCE, `${RECORDING_SCHEME}:`);
    for (const policy of [buildContentSecurityPolicy(), buildMetaContentSecurityPolicy()]) {
      assert.deepEqual(directive(policy, 'media-src'), ["'self'", 'attune-recording:']);
      assert.deepEqual(directive(policy, 'connect-src'), ["'self'"], 'the recording is not fetchable by script');
    }
  });

  it('allows one stylesheet by its sha256 hash, never inline styles or eval', () => {
    assert.match(WAVESURFER_STYLE_HASH, /^'sha256-[A-Za-z0-9+/]{43}='$/);
    for (const policy of [buildContentSecurityPolicy(), buildMetaContentSecurityPolicy()]) {
      assert.deepEqual(directive(policy, 'style-src'), ["'self'", WAVESURFER_STYLE_HASH]);
      assert.deepEqual(directive(policy, 'script-src'), ["'self'"]);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|blob:/);
    }
  });

  it('in dev relaxes inline styles without the hash (a hash would switch unsafe-inline off)', () => {
    const policy = buildContentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' });
    assert.deepEqual(directive(policy, 'style-src'), ["'self'", "'unsafe-inline'"]);
  });
});
