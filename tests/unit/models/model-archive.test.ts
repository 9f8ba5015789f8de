// An installed model folder streams as the tar.gz vosk-browser expects: every file under model/, byte
// for byte, each folder with its own entry, readable by the system's tar.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { packModelFolder } from '../../../src/main/models/model-archive';

describe('model folder as tar.gz', () => {
  it('packs every file under model/ with its exact contents', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'attune-pack-'));
    const files: Record<string, Buffer> = {
      'am/final.mdl': Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256)),
      'conf/model.conf': Buffer.from('--endpoint.rule2.min-trailing-silence=0.5\n'),
      'conf/mfcc.conf': Buffer.from('--use-energy=false\n'),
      'graph/phones/word_boundary.int': Buffer.from('1 nonword\n'),
      [`graph/${'deeply-nested/'.repeat(9)}words.txt`]: Buffer.from('long path\n'),
      'empty.txt': Buffer.alloc(0),
    };
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), body);
    }
    const archive = await buffer(packModelFolder(folder));
    const out = mkdtempSync(join(tmpdir(), 'attune-unpack-'));
    writeFileSync(join(out, 'model.tar.gz'), archive);
    const listed = execFileSync('tar', ['-tzf', 'model.tar.gz'], { cwd: out, encoding: 'utf8' }).trim().split('\n').sort();
    // Every folder has its own entry (vosk-browser's unpacker needs them), then every file.
    const folders = ['model/', 'model/am/', 'model/conf/', 'model/graph/', 'model/graph/phones/'];
    for (let depth = 1; depth <= 9; depth += 1) folders.push(`model/graph/${'deeply-nested/'.repeat(depth)}`);
    assert.deepEqual(listed, [...folders, ...Object.keys(files).map((name) => `model/${name}`)].sort());
    execFileSync('tar', ['-xzf', 'model.tar.gz'], { cwd: out });
    for (const [name, body] of Object.entries(files)) {
      assert.deepEqual(readFileSync(join(out, 'model', name)), body, name);
    }
  });
});
