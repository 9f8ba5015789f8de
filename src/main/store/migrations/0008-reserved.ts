// Version 8: no schema change. The number was reserved for the replay view's waveform peaks, which are
// kept in a file beside each recording instead (src/main/replay/call-peaks.ts); the step exists so
// the versions stay 1, 2, 3… and 0009 (call outcomes) keeps its assigned number.

import type { Migration } from './migration';

export const migration0008Reserved: Migration = {
  version: 8,
  name: 'reserved (replay peaks are kept in files): no change',
  up() {
    // Nothing to do.
  },
};
