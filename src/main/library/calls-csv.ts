// The library (or a filtered part of it) as CSV for a spreadsheet: one row per call, a header row,
// RFC 4180 quoting and CRLF line ends. Figures stay machine-readable (ms, the talk ratio as 0–1) next
// to a readable clock for the length. An agent name that a spreadsheet would run as a formula
// (=, +, -, @ first) is prefixed with an apostrophe, since the file may come from anyone's library.

import type { LibraryCallRow } from '../../shared/library';
import { formatClock } from '../../shared/time-format';

export const CALLS_CSV_HEADER: readonly string[] = Object.freeze([
  'Call ID',
  'Started (UTC)',
  'Agent',
  'Duration',
  'Duration (ms)',
  'Talk ratio (agent share)',
  'Interruptions by agent',
  'Interruptions by customer',
  'Listening score',
  'Source',
  'Recovered after a crash',
  'Recording stored',
]);

export interface CallsCsvOptions {
  /** Start with a UTF-8 byte-order mark, so spreadsheet apps read accented names right. Default false. */
  byteOrderMark?: boolean;
}

export function callsCsv(rows: readonly LibraryCallRow[], options: CallsCsvOptions = {}): string {
  const lines = [CALLS_CSV_HEADER, ...rows.map(csvCells)].map((cells) => cells.map(csvField).join(','));
  return `${options.byteOrderMark === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function csvCells(row: LibraryCallRow): string[] {
  return [
    String(row.id),
    row.startedAt,
    neutralizeFormula(row.agentName),
    formatClock(row.durationMs),
    String(row.durationMs),
    String(row.talkRatio),
    String(row.interruptions.agent),
    String(row.interruptions.customer),
    row.listeningScore === null ? '' : String(row.listeningScore),
    row.source,
    row.recovered ? 'yes' : 'no',
    row.hasRecording ? 'yes' : 'no',
  ];
}

/** Quoted when it holds a comma, a quote or a line break; quotes doubled (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Text a spreadsheet would take for a formula gets a leading apostrophe (OWASP's CSV-injection advice). */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
