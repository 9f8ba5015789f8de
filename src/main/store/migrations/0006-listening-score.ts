// Version 6: the library's listening score per call (0–100, NULL when nobody spoke), filled here for
// the calls already stored (from their metrics and, when they have one, their transcript), and the
// indexes the library's filters and sorts use, so a page of 10 000 calls is read from an index
// instead of sorting the whole table.

import { refreshListeningScore } from '../listening-scores';
import type { Migration } from './migration';

export const migration0006ListeningScore: Migration = {
  version: 6,
  name: 'listening score per call; indexes for the library filters and sorts',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN listening_score INTEGER CHECK (listening_score IS NULL OR (listening_score >= 0 AND listening_score <= 100));
      CREATE INDEX calls_listening_score ON calls (listening_score);
      CREATE INDEX calls_talk_ratio ON calls (talk_ratio);
      CREATE INDEX calls_duration_ms ON calls (duration_ms);
      CREATE INDEX calls_agent_interruptions ON calls (agent_interruptions);
      CREATE INDEX calls_customer_interruptions ON calls (customer_interruptions);
      CREATE INDEX calls_agent_name_started_at ON calls (agent_name, started_at);
    `);
    const ids = db.prepare('SELECT id FROM calls').pluck().all() as number[];
    for (const id of ids) refreshListeningScore(db, id);
  },
};
