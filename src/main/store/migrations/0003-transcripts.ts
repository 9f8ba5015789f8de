// Version 3: transcripts. Every recognized word is a row (its channel, timings and confidence), so a
// report can place each word on the call's timeline. Words are also grouped into turns
// (transcript_segments: one channel's consecutive words), and an FTS5 index over the turns' text
// answers "which call, and when, did someone say X": a hit is a turn with its call, channel and
// start, and the exact word's moment is then read from transcript_words within that turn.
// The FTS table is external-content (the text lives once, in transcript_segments) and kept in step by
// triggers, which also fire for the rows ON DELETE CASCADE removes with their call.

import type { Migration } from './migration';

export const migration0003Transcripts: Migration = {
  version: 3,
  name: 'transcript words, turns and their full-text index',
  up(db) {
    db.exec(`
      CREATE TABLE transcript_words (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('agent', 'customer')),
        word TEXT NOT NULL CHECK (word <> ''),
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
        conf REAL NOT NULL CHECK (conf >= 0 AND conf <= 1)
      ) STRICT;
      CREATE INDEX transcript_words_call_id ON transcript_words (call_id, start_ms);

      CREATE TABLE transcript_segments (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('agent', 'customer')),
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX transcript_segments_call_id ON transcript_segments (call_id, start_ms);

      -- remove_diacritics 2: "cafe" finds "café". Only the text is indexed; the rest is read from the
      -- segment row by rowid.
      CREATE VIRTUAL TABLE transcript_fts USING fts5 (
        text,
        content = 'transcript_segments',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER transcript_segments_fts_insert AFTER INSERT ON transcript_segments BEGIN
        INSERT INTO transcript_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER transcript_segments_fts_delete AFTER DELETE ON transcript_segments BEGIN
        INSERT INTO transcript_fts (transcript_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER transcript_segments_fts_update AFTER UPDATE ON transcript_segments BEGIN
        INSERT INTO transcript_fts (transcript_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO transcript_fts (rowid, text) VALUES (new.id, new.text);
      END;
    `);
  },
};
