// Version 5: where an imported call came from. One row per imported call: the file it was read from,
// its format, which channel carried the agent (the stored recording is always agent-left), and the
// SHA-256 of the file's bytes, unique, so importing the same file twice is refused with the call it
// already is. Goes with its call (ON DELETE CASCADE); deleting a call lets its file be imported again.

import type { Migration } from './migration';

export const migration0005CallImports: Migration = {
  version: 5,
  name: 'imported calls: source file, format, agent channel, content hash',
  up(db) {
    db.exec(`
      CREATE TABLE call_imports (
        call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        -- Absolute path of the file as it was when imported (it may have moved since).
        source_path TEXT NOT NULL CHECK (source_path <> ''),
        source_format TEXT NOT NULL CHECK (source_format IN ('wav', 'mp3', 'ogg-opus', 'ogg-vorbis')),
        agent_channel TEXT NOT NULL CHECK (agent_channel IN ('left', 'right')),
        -- Lower-case hex SHA-256 of the file's bytes.
        content_sha256 TEXT NOT NULL UNIQUE CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*'),
        -- ISO 8601, UTC, like calls.started_at.
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
