// The app's import session on a real library folder: progress pushed in order (file list, each file
// started and done, summary), bad files listed with their reason while the rest go on, every imported
// call queued for transcription, and a second import refused while one runs.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLibrary, type Library } from '../../src/main/library/library';
import { createCallImportSession, IMPORT_ALREADY_RUNNING } from '../../src/main/services/call-import-session';
import { getCall } from '../../src/main/store/calls-repository';
import type { ImportProgress } from '../../src/shared/call-import';
import { encodeWav, renderSyntheticCall } from '../unit/cli/synthetic-call';

let dir = '';
let library: Library;
let folder = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-import-session-'));
  library = openLibrary(join(dir, 'library'));
  folder = join(dir, 'calls');
  await mkdir(folder);
  const call = renderSyntheticCall(16_000);
  await writeFile(join(folder, 'a-good.wav'), encodeWav([call.agent, call.customer], 16_000, '16'));
  await writeFile(join(folder, 'b-mono.wav'), encodeWav([call.agent], 16_000, '16'));
  await writeFile(join(folder, 'c-notes.mp3'), 'these are notes, not audio');
});

after(async () => {
  library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('call import session', () => {
  it('pushes progress per file, lists bad files with reasons, imports the rest and queues it for transcription', async () => {
    const pushed: ImportProgress[] = [];
    const queued: number[] = [];
    const session = createCallImportSession({ library, push: (progress) => pushed.push(progress), enqueueTranscription: (callId) => queued.push(callId) });

    const result = await session.run({ paths: [folder], agentName: '  Robin  ' });

    assert.ok(result.ok);
    assert.deepEqual(result.summary, { imported: 1, duplicates: 0, failed: 2 });
    assert.deepEqual(
      result.outcomes.map((outcome) => [outcome.status, outcome.path]),
      [
        ['imported', join(folder, 'a-good.wav')],
        ['failed', join(folder, 'b-mono.wav')],
        ['failed', join(folder, 'c-notes.mp3')],
      ],
    );
    const [good, mono, notes] = result.outcomes;
    assert.ok(good?.status === 'imported');
    const stored = getCall(library.db, good.callId);
    assert.equal(stored?.agentName, 'Robin');
    assert.equal(good.talkRatio, stored?.metrics.talkRatio);
    assert.deepEqual(good.interruptions, { agent: stored?.metrics.agent.interruptions, customer: stored?.metrics.customer.interruptions });
    assert.ok(mono?.status === 'failed' && /1 channel; Attune needs a stereo recording/.test(mono.reason), JSON.stringify(mono));
    assert.ok(notes?.status === 'failed' && /not an audio file Attune can read/.test(notes.reason), JSON.stringify(notes));
    assert.deepEqual(queued, [good.callId]);

    assert.deepEqual(
      pushed.map((progress) => (progress.type === 'file-started' || progress.type === 'file-done' ? `${progress.type} ${progress.index + 1}/${progress.total}` : progress.type)),
      ['started', 'file-started 1/3', 'file-done 1/3', 'file-started 2/3', 'file-done 2/3', 'file-started 3/3', 'file-done 3/3', 'finished'],
    );
    assert.deepEqual(pushed.at(-1), { type: 'finished', importId: result.importId, summary: result.summary });
    assert.ok(pushed.every((progress) => progress.importId === result.importId));
  });

  it('counts the same file again as a duplicate, not a failure, and queues nothing', async () => {
    const queued: number[] = [];
    const session = createCallImportSession({ library, push: () => undefined, enqueueTranscription: (callId) => queued.push(callId) });
    const result = await session.run({ paths: [join(folder, 'a-good.wav')] });
    assert.ok(result.ok);
    assert.deepEqual(result.summary, { imported: 0, duplicates: 1, failed: 0 });
    const again = await session.run({ paths: [join(folder, 'a-good.wav')] });
    assert.ok(again.ok && again.importId > result.importId, 'each import has a new, larger id');
    assert.deepEqual(queued, []);
  });

  it('lists a path that does not exist as failed', async () => {
    const session = createCallImportSession({ library, push: () => undefined, enqueueTranscription: () => undefined });
    const result = await session.run({ paths: [join(dir, 'gone.wav')] });
    assert.ok(result.ok);
    assert.equal(result.outcomes[0]?.status, 'failed');
  });

  it('refuses a second import while one runs, in one line, and takes the next one afterwards', async () => {
    const session = createCallImportSession({ library, push: () => undefined, enqueueTranscription: () => undefined });
    const first = session.run({ paths: [join(folder, 'b-mono.wav')] });
    // run() marks itself running before its first await, so a second request at once is refused.
    assert.equal(session.running, true);
    assert.deepEqual(await session.run({ paths: [folder] }), { ok: false, error: IMPORT_ALREADY_RUNNING });
    assert.ok((await first).ok);
    assert.equal(session.running, false);
    assert.ok((await session.run({ paths: [join(folder, 'b-mono.wav')] })).ok);
  });

  it('keeps importing when a window push fails, and logs it', async () => {
    const logged: string[] = [];
    const session = createCallImportSession({
      library,
      push: () => {
        throw new Error('window gone');
      },
      enqueueTranscription: () => undefined,
      logError: (message) => logged.push(message),
    });
    const result = await session.run({ paths: [join(folder, 'b-mono.wav')] });
    assert.ok(result.ok);
    assert.equal(result.summary.failed, 1);
    assert.ok(logged.length > 0 && logged.every((line) => line === 'attune: pushing import progress failed'));
  });
});
