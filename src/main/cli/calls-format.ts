// `attune calls`: the stored calls as a table for people, one JSON object for scripts (CSV: src/main/
// library/calls-csv.ts).

import type { LibraryCallRow } from '../../shared/library';
import { formatClock } from '../../shared/time-format';

/** total: how many calls matched (more than rows.length when --limit cut the list). */
export function callsJson(rows: readonly LibraryCallRow[], total: number = rows.length): string {
  return `${JSON.stringify({
    total,
    calls: rows.map((row) => ({
      id: row.id,
      startedAt: row.startedAt,
      agentName: row.agentName,
      durationMs: row.durationMs,
      talkRatio: row.talkRatio,
      interruptions: { agent: row.interruptions.agent, customer: row.interruptions.customer },
      listeningScore: row.listeningScore,
      source: row.source,
      recovered: row.recovered,
    })),
  })}\n`;
}

/**
 * filtered: whether filters were given (then an empty list means "none match", not "none stored");
 * total: how many matched, said under the table when --limit shows fewer.
 */
export function callsTable(rows: readonly LibraryCallRow[], dataDir: string, filtered = false, total: number = rows.length): string {
  if (rows.length === 0) return filtered && total === 0 ? 'No stored call matches these filters.\n' : `No calls stored yet in ${dataDir}.\n`;
  const header = ['ID', 'Started (UTC)', 'Agent', 'Duration', 'Talk', 'Interrupted by agent/customer', 'Score', ''];
  const lines = rows.map((row) => [
    String(row.id),
    row.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
    row.agentName,
    formatClock(row.durationMs),
    `${Math.round(row.talkRatio * 100)} %`,
    `${row.interruptions.agent} / ${row.interruptions.customer}`,
    row.listeningScore === null ? '-' : String(row.listeningScore),
    row.recovered ? 'recovered after a crash' : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 || column === 3 || column === 4 || column === 6 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const more = total > rows.length ? [`(${rows.length} of ${total} matching calls shown)`] : [];
  return `${[render(header), ...lines.map(render), ...more].join('\n')}\n`;
}
