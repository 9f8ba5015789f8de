// Transcript cues as cards in a real live call (LiveCallService → LiveSession → coaching rules, stored
// in a library in a temp folder): the agent's defensive phrase and rushed pace become cards dated when
// they were said, under the call's rate limits and stored with the call; cues with no call, after the
// stop or about the customer make none. Then the whole path from a (test double) recognizer page
// through live transcription to the card.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeFrameBlock } from '../../../src/main/live/frame-block';
import type { LiveCallService } from '../../../src/main/services/live-call-service';
import { getCall } from '../../../src/main/store/calls-repository';
import { createLiveTranscription } from '../../../src/main/transcription/live-transcription';
import { DEFAULT_COACHING_SETTINGS, type LiveEvent } from '../../../src/shared/live';
import type { TranscriptCue } from '../../../src/shared/transcript';
import { fakeRecognizerOpener, finalOf } from '../transcription/fake-recognizer-page';
import { newLiveService, tempLiveLibrary } from './live-service-harness';

const library = tempLiveLibrary('attune-transcript-cues-');

function newService(): { service: LiveCallService; cards: () => Array<Extract<LiveEvent, { type: 'card' }>>; logged: string[] } {
  const { service, events, logged } = newLiveService(library());
  return { service, cards: () => events('card'), logged };
}

const SILENT_BLOCK = (): Int16Array => encodeFrameBlock(new Int16Array(320), new Int16Array(320));

/** Feeds `ms` of silence in 20 ms blocks (to `also` too, when given). */
function feedSilence(service: LiveCallService, ms: number, also?: (block: Int16Array) => void): void {
  for (let i = 0; i < ms / 20; i++) {
    const block = SILENT_BLOCK();
    service.handleFrameMessage(block);
    also?.(block);
  }
}

const DEFENSIVE: TranscriptCue = { type: 'defensive', by: 'agent', atMs: 2_000, text: 'that is our policy' };
const FAST: TranscriptCue = { type: 'fast-pace', by: 'agent', atMs: 24_000, text: '195 wpm over the last 30 s' };

describe('live call: transcript cue cards', () => {
  it('shows the agent’s defensive phrase and rushed pace as cards, rate-limited, and stores them with the call', async () => {
    const { service, cards, logged } = newService();
    service.handleTranscriptCue(DEFENSIVE); // no call yet: nothing
    assert.ok((await service.startLiveCall({ agentName: 'Dana' })).ok);
    feedSilence(service, 3_000);
    service.handleTranscriptCue(DEFENSIVE);
    service.handleTranscriptCue({ ...DEFENSIVE, by: 'customer' });
    feedSilence(service, 7_000);
    service.handleTranscriptCue({ ...FAST, atMs: 9_000 }); // 7 s after the last card: held back, dropped
    feedSilence(service, 16_000);
    service.handleTranscriptCue(FAST);
    feedSilence(service, 1_000);
    assert.deepEqual(
      cards().map((c) => [c.card.kind, c.card.title, c.atMs, c.emittedAtMs]),
      [
        ['acknowledge-first', 'Acknowledge, then explain', 2_000, 3_000],
        ['slow-down', 'Slow down', 24_000, 26_000],
      ],
    );
    const stopped = await service.stopLiveCall();
    assert.ok(stopped.ok);
    service.handleTranscriptCue({ ...FAST, atMs: 26_000 }); // after the stop: nothing
    assert.equal(cards().length, 2);
    assert.deepEqual(
      getCall(library().db, stopped.callId)?.cards.map((c) => [c.atMs, c.card.kind]),
      [
        [3_000, 'acknowledge-first'],
        [26_000, 'slow-down'],
      ],
    );
    assert.deepEqual(logged, []);
  });

  it('shows no transcript card the agent switched off', async () => {
    const { service, cards } = newService();
    assert.ok((await service.startLiveCall({ agentName: 'Dana' })).ok);
    service.updateCoachingSettings({
      ...DEFAULT_COACHING_SETTINGS,
      enabledCards: { 'let-them-finish': true, monologue: true, 'customer-quiet': true, 'customer-cut-in': true, 'acknowledge-first': false, 'slow-down': true },
    });
    feedSilence(service, 3_000);
    service.handleTranscriptCue(DEFENSIVE);
    assert.deepEqual(cards(), []);
    await service.stopLiveCall();
  });

  it('turns words the recognizer finalized into a card, from the page through live transcription to the call', async () => {
    const { service, cards, logged } = newService();
    const opener = fakeRecognizerOpener({
      script: { agent: { onBlock: (s, index) => (index === 60 ? { final: finalOf('well that is our policy', s - 1, s - 0.1) } : undefined) } },
    });
    const transcription = createLiveTranscription({
      openRecognizer: opener.open,
      transcripts: {
        handleRecognizedResult: () => undefined,
        finishTranscript: () => undefined,
        liveCallStarted: () => undefined,
        liveCallStored: () => undefined,
        liveCallDiscarded: () => undefined,
      },
      onCaption: () => undefined,
      onCue: (cue) => service.handleTranscriptCue(cue),
      onStateChange: () => undefined,
      logError: (message) => logged.push(message),
    });
    await transcription.useModel({ url: 'attune-model://library/small-en/model.tar.gz', modelId: 'small-en' });
    assert.ok((await service.startLiveCall({ agentName: 'Dana' })).ok);
    transcription.liveCallStarted();
    await Promise.resolve();
    // 6 s of audio, one event-loop turn per block so the page answers as the call goes on.
    for (let i = 0; i < 300 && cards().length === 0; i++) {
      feedSilence(service, 20, (block) => transcription.handleFrames(block));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const [card] = cards();
    assert.equal(card?.card.kind, 'acknowledge-first');
    // Five words over 0.22–1.12 s, 0.18 s each: "that" starts at 0.40 s (the call and the recognizer started together).
    assert.equal(card?.atMs, 400);
    assert.ok((card?.emittedAtMs ?? 0) >= 2_400, 'shown once the 2 s after the phrase are final');
    await service.stopLiveCall();
    await transcription.dispose();
    assert.deepEqual(logged, []);
  });
});
