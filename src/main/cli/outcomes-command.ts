// `attune outcomes import FILE.csv [--tolerance SECONDS] [--json]`: outcomes (CSAT, first-contact
// resolution, customer) from a survey or ticketing export, matched to stored calls by agent and start
// time. One line per row that could not be used, a summary line, exit 1 if any row could not be used.

import type { OutcomesImportSummary } from '../../shared/outcomes';
import type { Library } from '../library/library';
import { OutcomesCsvError } from '../outcomes/outcomes-csv';
import { importOutcomesCsvFile } from '../outcomes/outcomes-import';

/** Parsed by cli-args.ts (parseOutcomes). */
export interface OutcomesCommand {
  tag: 'outcomes';
  action: { tag: 'import'; file: string; toleranceMs: number; json: boolean };
}

export function formatOutcomesSummary(file: string, summary: OutcomesImportSummary): string {
  const lines = summary.problems.map((problem) => `not used  ${file}:${problem.line}: ${problem.reason}`);
  const unused = summary.problems.length;
  lines.push(
    `Stored outcomes for ${summary.matched} of ${summary.rows} row${summary.rows === 1 ? '' : 's'}` +
      (unused === 0 ? '.' : `; ${unused} row${unused === 1 ? '' : 's'} not used (listed above).`),
  );
  return `${lines.join('\n')}\n`;
}

/** Exit status: 0 every row stored, 1 a row or the whole file could not be used. */
export async function runOutcomesCommand(
  command: OutcomesCommand,
  library: Library,
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } },
  now: () => string = () => new Date().toISOString(),
): Promise<number> {
  const { file, toleranceMs, json } = command.action;
  let summary: OutcomesImportSummary;
  try {
    summary = await importOutcomesCsvFile(library.db, file, { toleranceMs, now: now() });
  } catch (error) {
    if (error instanceof OutcomesCsvError) {
      io.stderr.write(`attune: ${error.message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
      return 1;
    }
    throw error;
  }
  io.stdout.write(json ? `${JSON.stringify(summary)}\n` : formatOutcomesSummary(file, summary));
  return summary.problems.length === 0 ? 0 : 1;
}
