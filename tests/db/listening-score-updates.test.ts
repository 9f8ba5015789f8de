// The stored listening score follows the call's transcript: timing only when the call is stored, the
// transcript's points added when the transcript service finishes it (background or live), and back to
// timing only when a half-done transcript is removed and the call marked failed.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { computeListeningScore } from '../../src/main/library/listening-score';
import { openLibrary, type Library } from '../../src/main/library/library';
import { createTranscriptService } from '../../src/main/services/transcript-service';
import { insertCall } from '../../src/main/store/calls-repository';
import { scoreOfCall } from '../../src/main/store/listening-scores';
import { setTranscriptionState } from '../../src/main/store/transcription-state-repository';
import { deleteTranscript, getTranscript } from '../../src/main/store/transcripts-repository';
import { sampleCall, sampleMetrics } from './store-fixtures';

const root = mkdtempSync(join(tmpdir(), 'attune-score-updates-'));
after(() => rmSync(root, { recursive: true, force: true }));

const result = {
  channel: 'agent',
  text: 'i understand how frustrating that is',
  result: ['i', 'understand', 'how', 'frustrating', 'that', 'is'].map((word, i) => ({ word, start: 1 + i * 0.3, end: 1.25 + i * 0.3, conf: 0.95 })),
};

const storedScore = (library: Library, callId: number): unknown => library.db.prepare('SELECT listening_score FROM calls WHERE id = ?').pluck().get(callId);

describe('listening score updates', () => {
  it('adds the transcript when the transcript service finishes a stored call, and drops it when a failed transcript is removed', () => {
    const library = openLibrary(join(root, 'background'));
    try {
      const metrics = sampleMetrics();
      const callId = insertCall(library.db, sampleCall({ metrics }));
      const timingOnly = computeListeningScore(metrics, null).score;
      assert.equal(storedScore(library, callId), timingOnly);

      const service = createTranscriptService({ library, logError: (message) => assert.fail(message) });
      service.handleRecognizedResult(callId, result);
      service.finishTranscript(callId);
      const words = getTranscript(library.db, callId);
      assert.equal(words.length, 6);
      assert.equal(storedScore(library, callId), scoreOfCall(metrics, words));
      assert.notEqual(storedScore(library, callId), timingOnly);

      deleteTranscript(library.db, callId);
      setTranscriptionState(library.db, callId, { state: 'failed', modelId: 'vosk-test', problem: 'the recognizer stopped' });
      assert.equal(storedScore(library, callId), timingOnly);
    } finally {
      library.close();
    }
  });

  it('scores a live call again when its words are written on being stored', () => {
    const library = openLibrary(join(root, 'live'));
    try {
      const service = createTranscriptService({ library, logError: (message) => assert.fail(message) });
      service.liveCallStarted();
      service.handleRecognizedResult('live', result);
      const metrics = sampleMetrics();
      const callId = insertCall(library.db, sampleCall({ metrics }));
      service.liveCallStored(callId);
      assert.equal(storedScore(library, callId), scoreOfCall(metrics, getTranscript(library.db, callId)));
      assert.notEqual(storedScore(library, callId), computeListeningScore(metrics, null).score);
    } finally {
      library.close();
    }
  });
});
