// `attune models`, the real bin spawned as a user runs it, against a model list (ATTUNE_MODEL_MANIFEST)
// whose archives an https server on 127.0.0.1 serves: the model list only takes https URLs, so the test
// makes a throw-away certificate with openssl and hands it to the child as NODE_EXTRA_CA_CERTS. The
// list (table and --json), a download with its progress lines, Ctrl-C and the resumed download, an
// unverified model, a checksum mismatch, a 404, imports, choosing, and each bad command line.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ModelManifestEntry } from '../../../src/main/models/model-manifest';
import { buildZip, entryFor, modelZipItems, startArchiveServer, type ArchiveServer } from '../models/model-fixtures';
import { assertUserError, runAttune, spawnAttune, type RunResult } from './run-attune';

const zip = buildZip(modelZipItems('vosk-model-cli'));
let dir = '';
let server: ArchiveServer;
let caFile = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attune-models-cli-'));
  const key = join(dir, 'key.pem');
  caFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', caFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
    stdio: 'ignore',
  });
  server = await startArchiveServer({ '/model.zip': zip, '/gone.zip': { status: 404 } }, { key: readFileSync(key, 'utf8'), cert: readFileSync(caFile, 'utf8') });
});
after(() => server.close());

/** A fresh library and a model list of `entries` (the model list's schema checks them, as for the app). */
function setUp(entries: ModelManifestEntry[]): (args: string[]) => Promise<RunResult> {
  const root = mkdtempSync(join(dir, 'case-'));
  const manifest = join(root, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ version: 1, models: entries }));
  const options = { dataDir: join(root, 'library'), env: { ATTUNE_MODEL_MANIFEST: manifest, NODE_EXTRA_CA_CERTS: caFile } };
  return (args) => runAttune(args, options);
}

const cliEntry = (overrides: Partial<ModelManifestEntry> = {}): ModelManifestEntry => entryFor('vosk-model-cli', server.url('/model.zip'), zip, overrides);

const JSON_KEYS = ['id', 'name', 'language', 'state', 'selected', 'downloadable', 'approxSizeMb', 'checksumKnown', 'problem'];

describe('attune models (list)', () => {
  it('lists the offered models, nothing chosen, as a table and as JSON', async () => {
    const attune = setUp([cliEntry(), { ...cliEntry({ sha256: null, sizeBytes: null }), id: 'unverified-model', name: 'No checksum' }]);
    const table = await attune(['models']);
    assert.equal(table.code, 0, table.stderr);
    assert.equal(table.stderr, '');
    assert.match(table.stdout, /^ {3}ID +NAME +STATE +SIZE +SOURCE\n {3}vosk-model-cli +Test model vosk-model-cli +not-installed +1 MB +sha256\n {3}unverified-model +No checksum +not-installed +1 MB +no checksum\n/);
    assert.match(table.stdout, /No model is chosen: transcripts are off \(attune models use <id>\)\.\n$/);
    const json = await attune(['models', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { selected: unknown; models: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(parsed), ['selected', 'models']);
    assert.equal(parsed.selected, null);
    assert.deepEqual(parsed.models[0], {
      id: 'vosk-model-cli',
      name: 'Test model vosk-model-cli',
      language: 'en-US',
      state: 'not-installed',
      selected: false,
      downloadable: true,
      approxSizeMb: 1,
      checksumKnown: true,
      problem: null,
    });
    assert.deepEqual(Object.keys(parsed.models[1] ?? {}), JSON_KEYS);
    assert.equal(parsed.models[1]?.['checksumKnown'], false);
  });

  it('says in one line when the model list is not valid', async () => {
    const attune = setUp([{ ...cliEntry(), url: 'http://127.0.0.1/model.zip' }]);
    assertUserError(await attune(['models']), 1, /^attune: The model list .*manifest\.json is not valid: models\.0\.url: /);
  });
});

describe('attune models download', () => {
  it('downloads, verifies and installs a model, with progress on stderr, and chooses it', async () => {
    const attune = setUp([cliEntry()]);
    const result = await attune(['models', 'download', 'vosk-model-cli']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'installed vosk-model-cli (sha256 verified), chosen for transcripts\n');
    const lines = result.stderr.trimEnd().split('\n');
    assert.ok(lines.every((line) => /^attune: (downloading|verifying|unpacking) vosk-model-cli: /.test(line)), result.stderr);
    assert.match(lines[0] ?? '', /^attune: downloading vosk-model-cli: 0\.\d of 0\.2 MB \(\d+%\)$/);
    assert.ok(lines.includes('attune: verifying vosk-model-cli: sha256 of 0.2 MB'), result.stderr);
    const list = JSON.parse((await attune(['models', '--json'])).stdout) as { selected: string; models: { state: string; selected: boolean }[] };
    assert.equal(list.selected, 'vosk-model-cli');
    assert.deepEqual(list.models.map((model) => [model.state, model.selected]), [['ready', true]]);
    assertUserError(await attune(['models', 'download', 'vosk-model-cli']), 1, /^attune: The speech model vosk-model-cli is already installed\.$/);
  });

  it('stops on Ctrl-C keeping what it fetched (exit 130), and the next run resumes from there', async () => {
    const root = mkdtempSync(join(dir, 'case-'));
    const manifest = join(root, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ version: 1, models: [cliEntry()] }));
    const options = { dataDir: join(root, 'library'), env: { ATTUNE_MODEL_MANIFEST: manifest, NODE_EXTRA_CA_CERTS: caFile } };
    server.holdNextAfter(100_000);
    const child = spawnAttune(['models', 'download', 'vosk-model-cli'], options);
    let stderr = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    let interrupted = false;
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      // Ctrl-C once the progress says part of the archive is on disk (the server holds the rest back).
      if (!interrupted && /\((?:[1-9]\d)%\)/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(code, 130, stderr);
    assert.equal(stdout, '');
    const last = stderr.trimEnd().split('\n').at(-1) ?? '';
    // What was on disk when Ctrl-C came (bytes still in flight are fetched again).
    const kept = Number(/^attune: The download of vosk-model-cli was cancelled; (\d+) bytes are kept and the next download resumes from there\.$/.exec(last)?.[1]);
    assert.ok(kept > 0 && kept <= 100_000, last);
    assert.equal(readFileSync(join(options.dataDir, 'models', '.downloads', 'vosk-model-cli.zip.part')).length, kept);
    const before = server.requests.length;
    const resumed = await runAttune(['models', 'download', 'vosk-model-cli'], options);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(server.requests.slice(before).map((request) => [request.range, request.status]), [[`bytes=${kept}-`, 206]]);
    assert.ok(existsSync(join(options.dataDir, 'models', 'vosk-model-cli', 'am', 'final.mdl')));
  });

  it('installs a model without a checksum with a warning that it is unverified', async () => {
    const attune = setUp([cliEntry({ sha256: null })]);
    const result = await attune(['models', 'download', 'vosk-model-cli']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'installed vosk-model-cli (not verified), chosen for transcripts\n');
    assert.ok(
      result.stderr.includes('attune: warning: No checksum is known for vosk-model-cli, so the download cannot be verified. It was installed unverified.\n'),
      result.stderr,
    );
  });

  it('refuses a download whose checksum does not match, and a missing file, in one line', async () => {
    const attune = setUp([cliEntry({ sha256: '0'.repeat(64) }), { ...cliEntry(), id: 'gone', url: server.url('/gone.zip') }]);
    const mismatch = await attune(['models', 'download', 'vosk-model-cli']);
    assert.equal(mismatch.code, 1);
    assert.equal(mismatch.stdout, '');
    assert.equal(
      mismatch.stderr.trimEnd().split('\n').at(-1),
      'attune: The vosk-model-cli download does not match its checksum: corrupt or wrong file. It was deleted; download it again.',
    );
    assertUserError(await attune(['models', 'download', 'gone']), 1, /^attune: The download of gone failed: the server answered 404 Not Found for https:\/\/127\.0\.0\.1:\d+\/gone\.zip\.$/);
    assertUserError(await attune(['models', 'download', 'nope']), 1, /^attune: There is no model nope in the model list, so it cannot be downloaded\.$/);
  });
});

describe('attune models import / use', () => {
  it('imports an archive and chooses it; use switches between installed models', async () => {
    const attune = setUp([cliEntry()]);
    const archive = join(dir, 'my-model.zip');
    writeFileSync(archive, buildZip(modelZipItems('my-model')));
    const imported = await attune(['models', 'import', archive]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, 'imported my-model, chosen for transcripts\n');
    assertUserError(await attune(['models', 'use', 'vosk-model-cli']), 1, /^attune: The speech model vosk-model-cli is not installed \(no folder .*\)\.$/);
    assert.equal((await attune(['models', 'download', 'vosk-model-cli'])).stdout, 'installed vosk-model-cli (sha256 verified)\n');
    const used = await attune(['models', 'use', 'vosk-model-cli']);
    assert.equal(used.code, 0, used.stderr);
    assert.equal(used.stdout, 'vosk-model-cli is now the speech model for transcripts\n');
    const table = (await attune(['models'])).stdout;
    assert.match(table, /\n\* {2}vosk-model-cli +Test model vosk-model-cli +ready +1 MB +sha256\n {3}my-model +my-model +ready +- +imported\n/);
  });

  it('refuses what is not a model, in one line', async () => {
    const attune = setUp([cliEntry()]);
    const junk = join(dir, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive');
    // Unpacking shows its progress first, as a download does; the error is the last line.
    const result = await attune(['models', 'import', junk]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.ok(lines.slice(0, -1).every((line) => /^attune: unpacking junk: /.test(line)), result.stderr);
    assert.match(lines.at(-1) ?? '', /^attune: junk\.tar\.gz is not a readable tar\.gz archive \(.+\); nothing was installed\.$/);
    assertUserError(await attune(['models', 'import', join(dir, 'nowhere')]), 1, /^attune: Cannot import .*nowhere: there is no such file or folder\.$/);
  });
});

describe('attune models: bad command lines', () => {
  const cases: [string[], RegExp][] = [
    [['models', 'fetch', 'x'], /^attune: unknown models command "fetch" \(try `attune models --help`\)$/],
    [['models', 'download'], /^attune: models download needs a model id \(see `attune models`\): attune models download <id>$/],
    [['models', 'import'], /^attune: models import needs a model folder, \.zip or \.tar\.gz: attune models import <path>$/],
    [['models', 'use', 'a', 'b'], /^attune: models use takes one id, got 2$/],
    [['models', 'use', 'a', '--json'], /^attune: --json goes with `attune models` \(the list\), not with models use$/],
    [['models', '--verbose'], /^attune: unknown option --verbose \(try `attune models --help`\)$/],
  ];
  for (const [args, pattern] of cases) {
    it(`exits 2 for attune ${args.slice(1).join(' ')}`, async () => {
      assertUserError(await setUp([cliEntry()])(args), 2, pattern);
    });
  }

  it('has its own help, listed in attune --help', async () => {
    const attune = setUp([cliEntry()]);
    const help = await attune(['models', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: attune models \[--json\]\n/);
    assert.match((await attune(['--help'])).stdout, /\n {2}models +List, download, import or choose the Vosk speech models/);
  });
});
