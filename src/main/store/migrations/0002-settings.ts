// Version 2: settings and preferences, one JSON value per key. Values are merged over defaults when
// read, so adding a setting later needs no migration.

import type { Migration } from './migration';

export const migration0002Settings: Migration = {
  version: 2,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL CHECK (json_valid(value_json))
      ) STRICT;
    `);
  },
};
