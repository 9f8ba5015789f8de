// The live call service end to end in Node: a scripted call fed as frame-port messages (some of them
// malformed) through the real LiveSession, analyzer, coach and recorder into a real library in a
// temp folder; then what was broadcast, stored and recorded.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openWavFile } from '../../../src/main/audio/wav-file-reader';
import { encodeFrameBlock } from '../../../src/main/live/frame-block';
import { NODE_RECORDING_FS, type RecordingFs } from '../../../src/main/recording/recording-fs';
import { CALL_RUNNING_ERROR, NO_CALL_ERROR, type LiveCallService } from '../../../src/main/services/live-call-service';
import { getCall, listCalls } from '../../../src/main/store/calls-repository';
import type { SegmentSpan } from '../../../src/shared/call-analysis';
import type { LiveMetricsSnapshot } from '../../../src/shared/live';
import { renderSyntheticCall } from '../cli/synthetic-call';
import { failingWavFs } from '../recording/failing-fs';
import { newLiveService, tempLiveLibrary } from './live-service-harness';

/**
 * Customer talks, the agent cuts in (an interruption), the customer talks again with an agent "mm-hm"
 * (a backchannel), the agent speaks, then nobody answers for 10 s (dead air, customer quiet), then
 * the customer speaks.
 */
const SCRIPT: { agent: SegmentSpan[]; customer: SegmentSpan[]; durationMs: number } = {
  customer: [
    [500, 6_000],
    [8_000, 14_000],
    [28_000, 31_000],
  ],
  agent: [
    [3_000, 5_500],
    [10_000, 10_300],
    [15_000, 18_000],
  ],
  durationMs: 33_000,
};

function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round((samples[i] as number) * 32767)));
  return out;
}

const CALL = renderSyntheticCall(16_000, SCRIPT);
const AGENT = toInt16(CALL.agent);
const CUSTOMER = toInt16(CALL.customer);

/** Feeds `agent`/`customer` in 20 ms blocks; `each` may add messages after a block. */
function feed(service: LiveCallService, agent: Int16Array, customer: Int16Array, each?: (fedMs: number) => void): void {
  const step = 320;
  for (let at = 0; at + step <= agent.length; at += step) {
    service.handleFrameMessage(encodeFrameBlock(agent.subarray(at, at + step), customer.subarray(at, at + step)));
    each?.((at + step) / 16);
  }
}

const library = tempLiveLibrary('attune-live-');

const newService = (recordingFs?: RecordingFs) => newLiveService(library(), recordingFs);

describe('live call service', () => {
  it('analyses, coaches, records and stores a call fed as frame messages', async () => {
    const { service, updates, logged, events } = newService();
    assert.deepEqual(await service.addLiveNote({ text: 'too early' }), { ok: false, error: NO_CALL_ERROR });
    service.handleFrameMessage(encodeFrameBlock(AGENT.subarray(0, 160), CUSTOMER.subarray(0, 160)));
    assert.equal(service.elapsedMs, 0, 'frames with no call are dropped');

    const started = await service.startLiveCall({ agentName: '  Dana  ' });
    assert.ok(started.ok);
    assert.equal(started.startedAt, '2026-12-01T09:00:00.000Z');
    assert.ok(started.recordingPath?.startsWith(library().recordingsDir));
    assert.deepEqual(await service.startLiveCall({ agentName: 'Eve' }), { ok: false, error: CALL_RUNNING_ERROR });
    assert.deepEqual(updates[0], { type: 'started', startedAt: '2026-12-01T09:00:00.000Z', agentName: 'Dana' });

    feed(service, AGENT, CUSTOMER, (fedMs) => {
      if (fedMs === 2_000) {
        // Malformed messages: dropped and logged (rate-limited), and the call goes on.
        service.handleFrameMessage('not audio');
        service.handleFrameMessage(new Float32Array(320));
        service.handleFrameMessage(new ArrayBuffer(3));
        service.handleFrameMessage(new Int16Array(2 * 150));
        service.handleFrameMessage(new Int16Array(2 * 160 * 101));
      }
      if (fedMs === 12_000) void service.addLiveNote({ text: 'asked about the invoice' });
    });
    assert.equal(service.elapsedMs, SCRIPT.durationMs, 'every valid block was analysed');
    assert.equal(logged.length, 1, `malformed messages are logged at most once per interval: ${logged.join(' | ')}`);
    assert.match(logged[0] ?? '', /dropped a malformed frame message: expected an ArrayBuffer of Int16 samples, got string/);

    const status = await service.getLiveStatus();
    assert.equal(status.state, 'live');

    const interruptions = events('interruption');
    assert.equal(interruptions.length, 1);
    const [interruption] = interruptions;
    assert.equal(interruption?.by, 'agent');
    assert.ok(Math.abs((interruption?.atMs ?? 0) - 3_000) <= 100, `onset ${interruption?.atMs}`);
    assert.ok((interruption?.emittedAtMs ?? 0) - (interruption?.atMs ?? 0) <= 1_200, 'on screen within 1.2 s of the onset');
    assert.deepEqual(
      events('backchannel').map((b) => b.by),
      ['agent'],
    );
    assert.deepEqual(
      events('card').map((c) => [c.card.kind, c.card.title]),
      [
        ['let-them-finish', 'Let them finish'],
        ['customer-quiet', 'Customer has been quiet — check in'],
      ],
    );
    assert.equal(events('deadAir')[0]?.afterSpeaker, 'agent');
    assert.deepEqual(events('mark'), [{ type: 'mark', atMs: 12_000, emittedAtMs: 12_000, note: 'asked about the invoice' }]);

    const snapshots = updates.filter((u): u is LiveMetricsSnapshot => u.type === 'metrics');
    assert.equal(snapshots.length, SCRIPT.durationMs / 100, 'one snapshot per 100 ms of audio');
    assert.ok(snapshots.every((s, i) => s.emittedAtMs === (i + 1) * 100));
    const during = snapshots.find((s) => s.emittedAtMs === 4_000)!;
    assert.equal(during.currentSpeaker, 'both');
    assert.ok(during.levelsDb.agent > -30 && during.levelsDb.customer > -30, JSON.stringify(during.levelsDb));
    const quiet = snapshots.find((s) => s.emittedAtMs === 25_000)!;
    assert.ok(quiet.levelsDb.agent < -50 && quiet.deadAirMs > 0, JSON.stringify(quiet));
    assert.ok(quiet.recordedMs >= 24_000);

    const stopped = await service.stopLiveCall();
    assert.ok(stopped.ok);
    assert.deepEqual(updates.at(-1), { type: 'saved', callId: stopped.callId });
    assert.deepEqual(await service.stopLiveCall(), { ok: false, error: NO_CALL_ERROR });
    assert.deepEqual(await service.getLiveStatus(), { state: 'idle' });

    const stored = getCall(library().db, stopped.callId)!;
    assert.equal(stored.agentName, 'Dana');
    assert.equal(stored.durationMs, SCRIPT.durationMs);
    assert.equal(stored.recovered, false);
    assert.equal(stored.source, 'live');
    assert.deepEqual(
      stored.cards.map((c) => c.card.kind),
      ['let-them-finish', 'customer-quiet'],
    );
    assert.deepEqual(stored.notes, [{ atMs: 12_000, text: 'asked about the invoice', createdAt: '2026-12-01T09:00:00.000Z' }]);
    assert.equal(stored.metrics.interruptions.length, 1);
    assert.equal(listCalls(library().db)[0]?.id, stopped.callId);

    const recordingPath = stored.recordingPath!;
    const reader = await openWavFile(recordingPath);
    assert.equal(reader.layout.frameCount, SCRIPT.durationMs * 16, 'every fed sample is in the recording');
    await reader.close();
    assert.equal(existsSync(recordingPath.replace(/\.wav$/, '.journal.jsonl')), false);
    assert.equal(existsSync(recordingPath.replace(/\.wav$/, '.lock')), false);
  });

  it('keeps the call going and stores it when the disk fills up mid-call', async () => {
    const { service, events } = newService(failingWavFs(44 + 64 * 5_000));
    assert.ok((await service.startLiveCall({ agentName: '' })).ok);
    feed(service, AGENT, CUSTOMER);
    const problems = events('captureProblem');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.problem, 'recording-failed');
    assert.match(problems[0]?.message ?? '', /^The disk is full\. Recording stopped at 0:05; what was recorded until then is kept/);
    assert.equal(events('interruption').length, 1, 'the analysis went on');
    const stopped = await service.stopLiveCall();
    assert.ok(stopped.ok);
    const stored = getCall(library().db, stopped.callId)!;
    assert.equal(stored.agentName, 'Agent');
    assert.equal(stored.durationMs, SCRIPT.durationMs);
    assert.deepEqual(
      stored.notes.map((n) => n.atMs),
      [problems[0]?.atMs],
      'the stored call marks where the recording stopped',
    );
    assert.match(stored.notes[0]?.text ?? '', /^Capture problem \(capture, recording-failed\): The disk is full\./);
    const reader = await openWavFile(stored.recordingPath!);
    assert.equal(reader.layout.frameCount, 5_000 * 16, 'what was recorded until the disk filled is kept');
    await reader.close();
  });

  it('marks an unplugged device in the stored call and goes on with the other channel', async () => {
    const { service, events } = newService();
    assert.ok((await service.startLiveCall({ agentName: 'Dana' })).ok);
    feed(service, AGENT.subarray(0, 16_000 * 4), CUSTOMER.subarray(0, 16_000 * 4));
    await service.reportCaptureProblem({ channel: 'customer', problem: 'track-ended', message: 'The customer audio device was disconnected.' });
    // The capture keeps sending frames, with zeros where the lost device was.
    feed(service, AGENT.subarray(16_000 * 4, 16_000 * 8), new Int16Array(16_000 * 4));
    assert.deepEqual(
      events('captureProblem').map((p) => [p.channel, p.problem, p.atMs]),
      [['customer', 'track-ended', 4_000]],
    );
    const stopped = await service.stopLiveCall();
    assert.ok(stopped.ok);
    const stored = getCall(library().db, stopped.callId)!;
    assert.equal(stored.durationMs, 8_000, 'the call went on after the device was lost');
    assert.deepEqual(stored.notes.map((n) => [n.atMs, n.text]), [
      [4_000, "Capture problem (customer's channel, track-ended): The customer audio device was disconnected."],
    ]);
  });

  it('analyses and stores a call it may not record at all, and says so at once', async () => {
    const { service, updates } = newService({
      ...NODE_RECORDING_FS,
      openSync: (path) => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      },
    });
    const started = await service.startLiveCall({ agentName: 'Dana' });
    assert.deepEqual(started, { ok: true, startedAt: '2026-12-01T09:00:00.000Z', recordingPath: null });
    const problem = updates.find((u) => u.type === 'captureProblem');
    assert.ok(problem?.type === 'captureProblem');
    assert.equal(problem.problem, 'recording-failed');
    assert.equal(problem.message, `Attune may not write to ${library().recordingsDir}. This call is not being recorded, but it is still analysed and stored.`);
    feed(service, AGENT.subarray(0, 16_000 * 8), CUSTOMER.subarray(0, 16_000 * 8));
    const stopped = await service.stopLiveCall();
    assert.ok(stopped.ok);
    const stored = getCall(library().db, stopped.callId)!;
    assert.equal(stored.recordingPath, null);
    assert.equal(stored.durationMs, 8_000);
  });

  it('reports a customer channel that delivers nothing but zeros while the agent talks', async () => {
    const { service, events } = newService();
    assert.ok((await service.startLiveCall({ agentName: 'Dana' })).ok);
    const talking = renderSyntheticCall(16_000, { agent: [[200, 12_800]], customer: [], durationMs: 13_000 });
    feed(service, toInt16(talking.agent), new Int16Array(13_000 * 16));
    const problems = events('captureProblem');
    assert.deepEqual(
      problems.map((p) => [p.channel, p.problem]),
      [['customer', 'silent-channel']],
    );
    assert.ok((problems[0]?.atMs ?? 0) >= 10_000 && (problems[0]?.atMs ?? 0) <= 11_000);
    assert.ok((await service.stopLiveCall()).ok);
  });
});
