// The shipped models/manifest.json passes its own schema; bad manifests get a one-line reason; and a
// download is verified only against a known sha256 (never when the manifest has none).

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ModelManifestError,
  SOURCE_MANIFEST_PATH,
  loadModelManifest,
  parseModelManifest,
  verifyArchiveDigest,
} from '../../../src/main/models/model-manifest';

const SMALL_SHA256 = '30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498';

describe('model manifest', () => {
  const manifest = loadModelManifest(SOURCE_MANIFEST_PATH);

  it('lists the official small English model with its size and sha256, and a larger English model', () => {
    const small = manifest.models.find((model) => model.id === 'vosk-model-small-en-us-0.15');
    assert.ok(small);
    assert.equal(small.url, 'https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip');
    assert.equal(small.sizeBytes, 41_205_931);
    assert.equal(small.sha256, SMALL_SHA256);
    const large = manifest.models.find((model) => model.id === 'vosk-model-en-us-0.22-lgraph');
    assert.ok(large);
    assert.ok(large.approxSizeMb > small.approxSizeMb);
    assert.ok(manifest.models.every((model) => model.language.startsWith('en')));
  });

  it('refuses a bad manifest with a one-line reason naming the field', () => {
    const base = structuredClone(manifest) as { models: Array<Record<string, unknown>> };
    const cases: Array<[unknown, RegExp]> = [
      [{ ...base, models: [{ ...base.models[0], sha256: 'abc' }] }, /models\.0\.sha256: must be 64 lower-case hex digits/],
      [{ ...base, models: [{ ...base.models[0], url: 'http://example.com/m.zip' }] }, /models\.0\.url/],
      [{ ...base, models: [base.models[0], base.models[0]] }, /model ids must be unique/],
      [{ ...base, models: [{ ...base.models[0], extra: 1 }] }, /models\.0/],
      [{ version: 2, models: base.models }, /version/],
    ];
    for (const [json, reason] of cases) {
      assert.throws(() => parseModelManifest(json, 'test.json'), (error: unknown) => {
        assert.ok(error instanceof ModelManifestError);
        assert.match(error.message, /^The model list test\.json is not valid: /);
        assert.match(error.message, reason);
        assert.doesNotMatch(error.message, /\n/);
        return true;
      });
    }
  });

  it('says why a manifest file cannot be used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attune-manifest-'));
    assert.throws(() => loadModelManifest(join(dir, 'missing.json')), /could not be read: ENOENT/);
    writeFileSync(join(dir, 'broken.json'), '{ "version": 1,');
    assert.throws(() => loadModelManifest(join(dir, 'broken.json')), /is not JSON/);
  });

  it('verifies a download only against a known checksum and size', () => {
    const small = manifest.models.find((model) => model.sha256 !== null);
    const unknown = manifest.models.find((model) => model.sha256 === null);
    assert.ok(small && unknown);
    assert.deepEqual(verifyArchiveDigest(small, SMALL_SHA256.toUpperCase(), 41_205_931), { verified: true });
    const partial = verifyArchiveDigest(small, SMALL_SHA256, 1_000);
    assert.equal(partial.verified, false);
    if (!partial.verified) assert.match(partial.reason, /1000 bytes, expected 41205931: partial/);
    const wrong = verifyArchiveDigest(small, '0'.repeat(64), 41_205_931);
    assert.equal(wrong.verified, false);
    if (!wrong.verified) assert.match(wrong.reason, /does not match its checksum/);
    // Whatever the archive's digest, a model without a published checksum is never "verified".
    const never = verifyArchiveDigest(unknown, SMALL_SHA256, 41_205_931);
    assert.equal(never.verified, false);
    if (!never.verified) assert.match(never.reason, /No checksum is known/);
  });
});
