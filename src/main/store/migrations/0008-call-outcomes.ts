// Version 9: what happened for the customer on each call, entered by a supervisor or imported from a
// CSV. One row per call that has any outcome; every field may be NULL (not known). The customer's name
// and account are kept as written, and indexed without regard to case so "their earlier calls" is a
// look-up, not a scan. Goes with its call (ON DELETE CASCADE).

import type { Migration } from './migration';

export const migration0008CallOutcomes: Migration = {
  version: 8,
  name: 'call outcomes: CSAT, first-contact resolution, customer name and account',
  up(db) {
    db.exec(`
      CREATE TABLE call_outcomes (
        call_id INTEGER PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        csat INTEGER CHECK (csat BETWEEN 1 AND 5),
        resolved_first_contact INTEGER CHECK (resolved_first_contact IN (0, 1)),
        customer_name TEXT CHECK (customer_name <> ''),
        customer_account TEXT CHECK (customer_account <> ''),
        -- ISO 8601, UTC, like calls.started_at.
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX call_outcomes_customer_name ON call_outcomes (customer_name COLLATE NOCASE) WHERE customer_name IS NOT NULL;
      CREATE INDEX call_outcomes_customer_account ON call_outcomes (customer_account COLLATE NOCASE) WHERE customer_account IS NOT NULL;
    `);
  },
};
