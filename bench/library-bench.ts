// Library benchmark (part of `npm run bench`; alone: `npm run bench -- --library-only`): a library of
// 10 000 seeded calls in a real SQLite file, and the time the data layer takes to answer the library
// table's queries: the default page, each sort column both ways, each filter, a combination, and the
// whole list unpaged; median and 95th percentile of 25 runs each. Target: filter and sort ≤ 50 ms.
// Figures, not pass/fail (the 10 000-call test in tests/db/calls-query.test.ts checks the answers).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../src/main/library/library';
import { callsCsv } from '../src/main/library/calls-csv';
import { queryCalls } from '../src/main/store/calls-query';
import { CALL_SORT_KEYS, type CallQuery } from '../src/shared/library';
import { seedLibrary } from './library-seed';

export const LIBRARY_BENCH_CALLS = 10_000;
const RUNS = 25;
const TARGET_MS = 50;
const PAGE = 100;

export interface LibraryBenchFigure {
  label: string;
  medianMs: number;
  p95Ms: number;
  rows: number;
  total: number;
}

/** Seeds the library, times every query and prints one line each; returns the figures. */
export function runLibraryBench(write: (text: string) => void = (text) => void process.stdout.write(text)): LibraryBenchFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'attune-library-bench-'));
  const library = openLibrary(dir);
  try {
    const seedStartedMs = performance.now();
    seedLibrary(library.db, LIBRARY_BENCH_CALLS);
    library.db.pragma('optimize');
    const line = (label: string, value: string): void => write(`${label.padEnd(50)}${value}\n`);
    line('calls', `${LIBRARY_BENCH_CALLS} (seeded and stored in ${((performance.now() - seedStartedMs) / 1000).toFixed(1)} s, SQLite file)`);

    const cases: Array<[string, CallQuery]> = [
      ['default page (newest first)', { limit: PAGE }],
      ...CALL_SORT_KEYS.flatMap((key) =>
        (['asc', 'desc'] as const).map((direction): [string, CallQuery] => [`sort ${key} ${direction}`, { sort: { key, direction }, limit: PAGE }]),
      ),
      ['filter agent', { agentNames: ['Dana'], limit: PAGE }],
      ['filter date range (a month)', { startedFrom: '2026-09-01T00:00:00.000Z', startedBefore: '2026-10-01T00:00:00.000Z', limit: PAGE }],
      ['filter talk ratio ≥ 0.6', { talkRatio: { min: 0.6 }, limit: PAGE }],
      ['filter agent interruptions ≥ 3', { agentInterruptions: { min: 3 }, limit: PAGE }],
      ['filter score ≤ 60', { listeningScore: { max: 60 }, limit: PAGE }],
      [
        'agent + month + ratio + interruptions, by score',
        { agentNames: ['Dana', 'Eli'], startedFrom: '2026-06-01T00:00:00.000Z', startedBefore: '2026-12-01T00:00:00.000Z', talkRatio: { min: 0.4 }, agentInterruptions: { min: 1 }, sort: { key: 'listeningScore', direction: 'asc' }, limit: PAGE },
      ],
      ['page 50 (offset 4 900), by talk ratio', { sort: { key: 'talkRatio', direction: 'desc' }, offset: 4_900, limit: PAGE }],
      ['whole list, unpaged', {}],
    ];
    const figures: LibraryBenchFigure[] = [];
    for (const [label, query] of cases) {
      const times: number[] = [];
      let result = queryCalls(library.db, query);
      for (let run = 0; run < RUNS; run += 1) {
        const startedMs = performance.now();
        result = queryCalls(library.db, query);
        times.push(performance.now() - startedMs);
      }
      times.sort((a, b) => a - b);
      const figure = { label, medianMs: times[Math.floor(RUNS / 2)] ?? 0, p95Ms: times[Math.ceil(RUNS * 0.95) - 1] ?? 0, rows: result.rows.length, total: result.total };
      figures.push(figure);
      line(label, `median ${figure.medianMs.toFixed(1)} ms, p95 ${figure.p95Ms.toFixed(1)} ms (${figure.rows} of ${figure.total} rows)`);
    }
    const paged = figures.filter((figure) => figure.label !== 'whole list, unpaged');
    const worst = Math.max(...paged.map((figure) => figure.medianMs));
    line('filter/sort, a page of 100: worst median', `${worst.toFixed(1)} ms (target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'NOT met'})`);

    const csvStartedMs = performance.now();
    const csv = callsCsv(queryCalls(library.db, {}).rows);
    line('CSV of the whole library', `${(performance.now() - csvStartedMs).toFixed(0)} ms, ${(csv.length / 2 ** 20).toFixed(1)} MiB`);
    return figures;
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
