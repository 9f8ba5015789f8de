// The attune-model: protocol serves an installed model as a tar.gz and refuses everything else with a
// status and a reason.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { handleModelRequest, modelUrl } from '../../../src/main/models/model-protocol';
import { modelDirectory } from '../../../src/main/models/model-store';

function writeModel(folder: string, skip: string[] = []): void {
  for (const file of ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf', 'graph/HCLr.fst', 'graph/Gr.fst']) {
    if (skip.includes(file)) continue;
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), `contents of ${file}\n`);
  }
}

describe('attune-model: protocol', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-protocol-'));
  writeModel(modelDirectory(dataDir, 'Small-EN'));
  writeModel(modelDirectory(dataDir, 'half'), ['graph/Gr.fst']);

  it('serves an installed model as the tar.gz vosk-browser loads', async () => {
    assert.equal(modelUrl('Small-EN'), 'attune-model://library/Small-EN/model.tar.gz');
    const response = await handleModelRequest(dataDir, modelUrl('Small-EN'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/gzip');
    const archive = join(mkdtempSync(join(tmpdir(), 'attune-served-')), 'model.tar.gz');
    writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
    const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    assert.match(listed, /^model\/am\/final\.mdl$/m);
    assert.match(listed, /^model\/graph\/Gr\.fst$/m);
  });

  it('refuses missing and partial models, other URLs and other methods', async () => {
    const cases: Array<[string, string, number, RegExp]> = [
      [modelUrl('nope'), 'GET', 404, /The speech model nope is not installed/],
      [modelUrl('half'), 'GET', 404, /The speech model half cannot be used: .*graph\/HCLr\.fst and graph\/Gr\.fst/],
      // URL parsing resolves the dot segments first, so this can only name a model inside the models folder.
      ['attune-model://library/../secrets/model.tar.gz', 'GET', 404, /The speech model secrets is not installed \(no folder .*models.secrets\)/],
      ['attune-model://library/%2E%2E%2Fsecrets/model.tar.gz', 'GET', 400, /Not a model URL/],
      ['attune-model://elsewhere/Small-EN/model.tar.gz', 'GET', 400, /Not a model URL/],
      ['attune-model://library/Small-EN/am/final.mdl', 'GET', 400, /Not a model URL/],
      ['file:///etc/passwd', 'GET', 400, /Not a model URL/],
      [modelUrl('Small-EN'), 'POST', 405, /Only GET/],
    ];
    for (const [url, method, status, reason] of cases) {
      const response = await handleModelRequest(dataDir, url, method);
      assert.equal(response.status, status, url);
      assert.match(await response.text(), reason, url);
    }
  });
});
