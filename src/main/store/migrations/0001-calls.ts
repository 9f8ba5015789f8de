// Version 1: stored calls. The whole CallMetrics is kept as JSON (what `getCall` returns), and the
// figures a call list filters and sorts on are columns; segments and events are also rows, so a
// later library view can query them (e.g. "calls with more than 3 agent interruptions in the first
// minute") without parsing JSON. Cards shown and notes exist only as rows.

import type { Migration } from './migration';

export const migration0001Calls: Migration = {
  version: 1,
  name: 'calls, segments, events, cards shown, notes',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        recording_key TEXT NOT NULL UNIQUE CHECK (recording_key <> ''),
        agent_name TEXT NOT NULL,
        -- ISO 8601, UTC (Date.prototype.toISOString), so text order is time order.
        started_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        recording_path TEXT,
        talk_ratio REAL NOT NULL CHECK (talk_ratio >= 0 AND talk_ratio <= 1),
        agent_talk_ms INTEGER NOT NULL CHECK (agent_talk_ms >= 0),
        customer_talk_ms INTEGER NOT NULL CHECK (customer_talk_ms >= 0),
        agent_interruptions INTEGER NOT NULL CHECK (agent_interruptions >= 0),
        customer_interruptions INTEGER NOT NULL CHECK (customer_interruptions >= 0),
        recovered INTEGER NOT NULL CHECK (recovered IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('live', 'import')),
        metrics_json TEXT NOT NULL CHECK (json_valid(metrics_json))
      ) STRICT;
      CREATE INDEX calls_started_at ON calls (started_at);
      CREATE INDEX calls_agent_name ON calls (agent_name);

      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        speaker TEXT NOT NULL CHECK (speaker IN ('agent', 'customer')),
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms)
      ) STRICT;
      CREATE INDEX segments_call_id ON segments (call_id, speaker, start_ms);

      -- Interruptions and backchannels (speaker = who made them) and dead air (speaker NULL);
      -- detail_json holds the rest: {"overlapMs"} or {"durationMs"}.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('interruption', 'backchannel', 'deadAir')),
        speaker TEXT CHECK (speaker IN ('agent', 'customer')),
        at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
        detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
      ) STRICT;
      CREATE INDEX events_call_id ON events (call_id, type, at_ms);

      -- No CHECK on kind: new card kinds must not need a table rebuild.
      CREATE TABLE cards_shown (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cards_shown_call_id ON cards_shown (call_id);

      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_call_id ON notes (call_id);
    `);
  },
};
