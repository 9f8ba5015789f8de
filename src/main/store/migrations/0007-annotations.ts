// Version 7: annotations. A supervisor's note on a stored call, at a moment (end_ms NULL) or over a
// range, with tags (a JSON array of strings), its author and when it was written and last edited. It
// goes with its call (ON DELETE CASCADE).
// Full-text search: annotation_fts indexes the text and the tags (joined by spaces). It keeps its own
// copy of both rather than reading them from annotations (external content), because the tags are
// stored as JSON and the index wants them as words; annotations are short, so the copy is small. Its
// rowid is the annotation's id, and triggers keep it in step, also for the rows a call's deletion
// cascades to.

import type { Migration } from './migration';

export const migration0007Annotations: Migration = {
  version: 7,
  name: 'annotations and their full-text index',
  up(db) {
    db.exec(`
      CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        -- NULL: a note at start_ms; else the end of the range it covers.
        end_ms INTEGER CHECK (end_ms IS NULL OR end_ms > start_ms),
        text TEXT NOT NULL,
        tags_json TEXT NOT NULL DEFAULT '[]'
          CHECK (json_valid(tags_json) AND json_type(tags_json) = 'array'),
        author TEXT NOT NULL CHECK (author <> ''),
        -- ISO 8601, UTC, like calls.started_at.
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- A note says something: text, or at least one tag.
        CHECK (text <> '' OR json_array_length(tags_json) > 0)
      ) STRICT;
      CREATE INDEX annotations_call_id ON annotations (call_id, start_ms);

      -- remove_diacritics 2, as the transcript index: "cafe" finds "café".
      CREATE VIRTUAL TABLE annotation_fts USING fts5 (
        text,
        tags,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotation_fts (rowid, text, tags)
          VALUES (new.id, new.text, (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags_json)));
      END;
      CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM annotation_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER annotations_fts_update AFTER UPDATE OF text, tags_json ON annotations BEGIN
        DELETE FROM annotation_fts WHERE rowid = old.id;
        INSERT INTO annotation_fts (rowid, text, tags)
          VALUES (new.id, new.text, (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.tags_json)));
      END;
    `);
  },
};
