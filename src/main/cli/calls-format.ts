// `attune calls`: the stored calls as a table for people or one JSON object for scripts.

import type { CallSummaryRow } from '../../shared/calls';
import { formatClock } from '../../shared/time-format';

export function callsJson(rows: readonly CallSummaryRow[]): string {
  return `${JSON.stringify({
    calls: rows.map((row) => ({
      id: row.id,
      startedAt: row.startedAt,
      agentName: row.agentName,
      durationMs: row.durationMs,
      talkRatio: row.talkRatio,
      interruptions: { agent: row.interruptions.agent, customer: row.interruptions.customer },
      recovered: row.recovered,
    })),
  })}\n`;
}

export function callsTable(rows: readonly CallSummaryRow[], dataDir: string): string {
  if (rows.length === 0) return `No calls stored yet in ${dataDir}.\n`;
  const header = ['ID', 'Started (UTC)', 'Agent', 'Duration', 'Talk', 'Interrupted by agent/customer', ''];
  const lines = rows.map((row) => [
    String(row.id),
    row.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
    row.agentName,
    formatClock(row.durationMs),
    `${Math.round(row.talkRatio * 100)} %`,
    `${row.interruptions.agent} / ${row.interruptions.customer}`,
    row.recovered ? 'recovered after a crash' : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 || column === 3 || column === 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[render(header), ...lines.map(render)].join('\n')}\n`;
}
