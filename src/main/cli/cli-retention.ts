// Retention in the command line: every command that opens the library applies the retention setting
// right after recovery (as the app does at start), and says on stderr what it deleted or had to keep.

import type { Library } from '../library/library';
import { loadPrivacySettings } from '../privacy/privacy-settings';
import { applyRetention } from '../privacy/retention';

export function applyRetentionForCli(library: Library, stderr: { write(text: string): unknown }, now: Date = new Date()): void {
  const { retentionDays } = loadPrivacySettings(library.db);
  const result = applyRetention(library, retentionDays, now);
  for (const call of result.deleted) {
    stderr.write(`attune: deleted call ${call.callId} (started ${call.startedAt}), older than the ${retentionDays} day(s) kept\n`);
  }
  for (const failure of result.failed) stderr.write(`attune: kept call ${failure.callId} for now: ${failure.message}\n`);
}
