// Version 4: where transcription of each stored call stands, for the background transcriber (recovered,
// imported and model-less live calls are transcribed after they are stored). One row per call that has
// ever been queued or transcribed: queued / running / done / failed, the speech model used (null when
// none was: a call that failed because its recording could not be read, or a transcript from before
// this table), why it failed, and when the row last changed. A call without a row was never queued.
// Calls already holding transcript words are taken as done, so nothing transcribed before is redone.

import type { Migration } from './migration';

export const migration0004TranscriptionState: Migration = {
  version: 4,
  name: 'transcription state per call',
  up(db) {
    db.exec(`
      CREATE TABLE call_transcription (
        call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        model_id TEXT CHECK (model_id <> ''),
        -- One line for people; present exactly when the state is failed.
        problem TEXT CHECK (problem <> ''),
        -- ISO 8601, UTC, like calls.started_at.
        updated_at TEXT NOT NULL,
        CHECK ((state = 'failed') = (problem IS NOT NULL))
      ) STRICT;
      CREATE INDEX call_transcription_state ON call_transcription (state);

      INSERT INTO call_transcription (call_id, state, model_id, problem, updated_at)
        SELECT DISTINCT call_id, 'done', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM transcript_words;
    `);
  },
};
