// The live call service tells its lifecycle listener (the transcript service) when a call starts and
// whether it was stored: the live call's words are written with the stored call's id, redacted, or
// forgotten when the call could not be stored. A throwing listener does not break the call.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeFrameBlock } from '../../../src/main/live/frame-block';
import { createLiveCallService, type LiveCallLifecycleListener } from '../../../src/main/services/live-call-service';
import { createTranscriptService } from '../../../src/main/services/transcript-service';
import { getTranscript } from '../../../src/main/store/transcripts-repository';
import { REDACTED_WORD } from '../../../src/shared/transcript';
import { tempLiveLibrary } from './live-service-harness';

const library = tempLiveLibrary('attune-live-transcripts-');

function services(lifecycleOverride?: LiveCallLifecycleListener) {
  const logged: string[] = [];
  const logError = (message: string) => logged.push(message);
  const transcripts = createTranscriptService({ library: library(), logError });
  const live = createLiveCallService({
    library: library(),
    broadcast: () => undefined,
    logError,
    now: () => new Date('2026-12-01T09:00:00.000Z'),
    lifecycle: lifecycleOverride ?? transcripts,
  });
  return { live, transcripts, logged };
}

/** One second of silence on both channels, in 20 ms blocks. */
function feedSilence(live: ReturnType<typeof createLiveCallService>): void {
  for (let i = 0; i < 50; i++) live.handleFrameMessage(encodeFrameBlock(new Int16Array(320), new Int16Array(320)));
}

const SAID = {
  channel: 'customer',
  text: 'my pin is one two three four five six ok',
  result: 'my pin is one two three four five six ok'.split(' ').map((word, i) => ({ word, start: 0.2 + i * 0.1, end: 0.28 + i * 0.1, conf: 0.9 })),
};

describe('live call service → transcript service', () => {
  it('writes the live call’s words, redacted, with the id the call was stored under', async () => {
    const { live, transcripts, logged } = services();
    assert.ok((await live.startLiveCall({ agentName: 'Dana' })).ok);
    feedSilence(live);
    transcripts.handleRecognizedResult('live', SAID);
    assert.equal(transcripts.pendingLiveWords, 10);
    const stopped = await live.stopLiveCall();
    assert.ok(stopped.ok);
    const words = getTranscript(library().db, stopped.callId).map((w) => w.word);
    assert.deepEqual(words, ['my', 'pin', 'is', ...Array<string>(6).fill(REDACTED_WORD), 'ok']);
    assert.equal(transcripts.pendingLiveWords, 0);
    assert.deepEqual(logged, []);
  });

  it('forgets the words when the call cannot be stored', async () => {
    const { live, transcripts } = services();
    const wordsBefore = library().db.prepare('SELECT count(*) FROM transcript_words').pluck().get();
    assert.ok((await live.startLiveCall({ agentName: 'Dana' })).ok);
    feedSilence(live);
    transcripts.handleRecognizedResult('live', SAID);
    library().db.exec("CREATE TEMP TRIGGER refuse_calls BEFORE INSERT ON calls BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    try {
      const stopped = await live.stopLiveCall();
      assert.equal(stopped.ok, false);
    } finally {
      library().db.exec('DROP TRIGGER temp.refuse_calls');
    }
    assert.equal(transcripts.pendingLiveWords, 0);
    assert.equal(library().db.prepare('SELECT count(*) FROM transcript_words').pluck().get(), wordsBefore);
  });

  it('a listener that throws is logged, and the call still starts and is stored', async () => {
    const calls: string[] = [];
    const { live, logged } = services({
      liveCallStarted: () => {
        calls.push('started');
        throw new Error('boom');
      },
      liveCallStored: (callId) => {
        calls.push(`stored ${callId}`);
        throw new Error('boom');
      },
      liveCallDiscarded: () => calls.push('discarded'),
    });
    assert.ok((await live.startLiveCall({ agentName: 'Dana' })).ok);
    feedSilence(live);
    const stopped = await live.stopLiveCall();
    assert.ok(stopped.ok);
    assert.deepEqual(calls, ['started', `stored ${stopped.callId}`]);
    assert.deepEqual(logged, ["attune: the live call's started listener failed", "attune: the live call's stored listener failed"]);
  });
});
