// Peaks kept as calls are stored: written beside the recording, read back by the replay without
// recomputing, recomputed when the recording changed after them; a call without a recording or a
// missing file is skipped (logged), and the replay says the audio is missing.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openLibrary } from '../../src/main/library/library';
import { interleaveStereo, recordingHeader } from '../../src/main/recording/wav-header';
import { loadRecordingPeaks, peaksPathFor } from '../../src/main/replay/call-peaks';
import { loadCallReplay } from '../../src/main/replay/call-replay';
import { createPeaksKeeper } from '../../src/main/replay/peaks-keeper';
import { insertCall } from '../../src/main/store/calls-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { NewCall } from '../../src/shared/calls';

const dataDir = mkdtempSync(join(tmpdir(), 'attune-peaks-'));
const library = openLibrary(dataDir);
after(() => {
  library.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const METRICS: CallMetrics = {
  durationMs: 2_000,
  talkRatio: 0.5,
  agent: { talkMs: 1_000, longestMonologueMs: 1_000, interruptions: 0, segments: [[0, 1_000]] },
  customer: { talkMs: 1_000, longestMonologueMs: 1_000, interruptions: 0, segments: [[1_000, 2_000]] },
  interruptions: [],
  backchannels: [],
  overlapMs: 0,
  silenceMs: 0,
  deadAir: [],
  responseGapMs: { median: null, p90: null },
};

/** 2 s at 16 kHz: the agent at half scale in the first second, the customer at full scale in the second. */
function writeRecording(path: string): void {
  const frames = 32_000;
  const agent = new Int16Array(frames);
  const customer = new Int16Array(frames);
  for (let i = 0; i < 16_000; i += 1) agent[i] = i % 2 === 0 ? 16_384 : -16_384;
  for (let i = 16_000; i < frames; i += 1) customer[i] = i % 2 === 0 ? 32_767 : -32_767;
  writeFileSync(path, Buffer.concat([recordingHeader(frames * 4), interleaveStereo(agent, customer)]));
}

function store(recordingPath: string | null, key: string): number {
  const call: NewCall = {
    recordingKey: key,
    agentName: 'Robin',
    startedAt: '2026-11-30T09:15:00.000Z',
    durationMs: 2_000,
    recordingPath,
    metrics: METRICS,
    cards: [],
    notes: [],
    recovered: false,
    source: 'live',
  };
  return insertCall(library.db, call);
}

describe('peaks kept with stored calls', () => {
  it('writes the peaks beside the recording when a call is stored; the replay reads them as kept', async () => {
    const recordingPath = join(library.recordingsDir, 'kept.wav');
    writeRecording(recordingPath);
    const callId = store(recordingPath, 'kept');
    const logged: string[] = [];
    const keeper = createPeaksKeeper({ db: () => library.db, logError: (message) => logged.push(message) });
    keeper.keep(callId);
    await keeper.idle();
    assert.deepEqual(logged, []);
    assert.ok(existsSync(peaksPathFor(recordingPath)));
    const keptAtMs = statSync(peaksPathFor(recordingPath)).mtimeMs;

    const replay = await loadCallReplay(library.db, callId, (id) => `attune-recording://call/${id}`);
    assert.ok(replay !== null && replay.audio.state === 'available');
    const { audio } = replay;
    assert.equal(audio.url, `attune-recording://call/${callId}`);
    assert.equal(audio.durationMs, 2_000);
    assert.equal(audio.peaks.peaksPerSecond, 50);
    assert.equal(audio.peaks.count, 100);
    const agent = Buffer.from(audio.peaks.agentBase64, 'base64');
    const customer = Buffer.from(audio.peaks.customerBase64, 'base64');
    assert.deepEqual([agent[0], agent[49], agent[50], agent[99]], [128, 128, 0, 0]);
    assert.deepEqual([customer[0], customer[50], customer[99]], [0, 255, 255]);
    assert.equal(statSync(peaksPathFor(recordingPath)).mtimeMs, keptAtMs, 'read, not recomputed');
  });

  it('recomputes peaks older than their recording (a repaired recording)', async () => {
    const recordingPath = join(library.recordingsDir, 'stale.wav');
    writeRecording(recordingPath);
    writeFileSync(peaksPathFor(recordingPath), 'not peaks at all');
    const past = new Date(Date.now() - 60_000);
    utimesSync(peaksPathFor(recordingPath), past, past);
    const { peaks } = await loadRecordingPeaks(recordingPath);
    assert.equal(peaks.agent.length, 100);
    assert.ok(statSync(peaksPathFor(recordingPath)).mtimeMs > past.getTime());
  });

  it('skips a call without a recording, logs a missing file, and the replay says the audio is missing', async () => {
    const unrecorded = store(null, 'unrecorded');
    const gonePath = join(library.recordingsDir, 'gone.wav');
    const gone = store(gonePath, 'gone');
    const logged: string[] = [];
    const keeper = createPeaksKeeper({ db: () => library.db, logError: (message) => logged.push(message) });
    keeper.keep(unrecorded);
    keeper.keep(gone);
    await keeper.idle();
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /call \d+ failed \(the replay computes it when opened\)/);

    const missing = await loadCallReplay(library.db, gone, String);
    assert.deepEqual(missing?.audio, { state: 'missing', reason: `The audio of this call is missing: ${gonePath} is not there any more.` });
    const none = await loadCallReplay(library.db, unrecorded, String);
    assert.equal(none?.audio.state, 'missing');
    assert.equal(await loadCallReplay(library.db, 9_999, String), null);
  });

  it('says a recording that is not a usable WAV cannot be played, in one line', async () => {
    const junkPath = join(library.recordingsDir, 'junk.wav');
    writeFileSync(junkPath, 'this is not audio');
    const callId = store(junkPath, 'junk');
    const replay = await loadCallReplay(library.db, callId, String);
    assert.ok(replay?.audio.state === 'missing');
    assert.match(replay.audio.reason, /^The audio of this call cannot be played: .+/);
    assert.doesNotMatch(replay.audio.reason, /\n/);
  });
});
