// The library's IPC methods from a real page, through the bridge, main's validation and the handlers,
// on a real library file: a filtered, sorted page with the listening score; search across a transcript
// word and an annotation; the CSV export to the path the "user" chose (and a cancel); a malformed
// query refused before any service runs; a call deleted with its recording.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { openLibrary } from '../../src/main/library/library';
import { insertAnnotation } from '../../src/main/store/annotations-repository';
import { insertCall } from '../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../src/main/store/transcripts-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { AttuneBridge } from '../../src/shared/ipc-contract';
import type { CallQueryResult, ExportLibraryCsvResult, LibrarySearchResult } from '../../src/shared/library';

interface BridgeGlobals {
  attune: Record<keyof AttuneBridge, (...args: unknown[]) => Promise<unknown>>;
}

const METRICS: CallMetrics = {
  durationMs: 120_000,
  talkRatio: 0.4,
  agent: { talkMs: 40_000, longestMonologueMs: 9_000, interruptions: 0, segments: [[0, 9_000]] },
  customer: { talkMs: 60_000, longestMonologueMs: 14_000, interruptions: 1, segments: [[8_000, 22_000]] },
  interruptions: [{ atMs: 8_000, by: 'customer', overlapMs: 1_000 }],
  backchannels: [],
  overlapMs: 1_000,
  silenceMs: 20_000,
  deadAir: [],
  responseGapMs: { median: 800, p90: 1_500 },
};

test('library data over IPC: query, search, CSV export, refusal and delete', async ({ attune }) => {
  const library = openLibrary(attune.dataDir);
  const wav = join(library.recordingsDir, 'call-robin.wav');
  let robin: number;
  let sam: number;
  try {
    writeFileSync(wav, 'RIFF');
    robin = insertCall(library.db, { recordingKey: 'call-robin', agentName: 'Robin', startedAt: '2026-11-30T09:00:00.000Z', durationMs: 120_000, recordingPath: wav, metrics: METRICS, cards: [], notes: [], recovered: false, source: 'live' });
    const talky = { ...METRICS, talkRatio: 0.8, agent: { ...METRICS.agent, interruptions: 1 }, interruptions: [...METRICS.interruptions, { atMs: 30_000, by: 'agent' as const, overlapMs: 900 }] };
    sam = insertCall(library.db, { recordingKey: 'call-sam', agentName: 'Sam', startedAt: '2026-11-30T10:00:00.000Z', durationMs: 120_000, recordingPath: null, metrics: talky, cards: [], notes: [], recovered: false, source: 'import' });
    appendTranscriptWords(library.db, robin, [{ channel: 'customer', word: 'refund', startMs: 12_000, endMs: 12_400, conf: 1 }]);
    insertAnnotation(library.db, { callId: sam, startMs: 30_000, endMs: null, text: 'Talked over the refund question', tags: ['interrupted'], author: 'Lee', createdAt: '2026-11-30T12:00:00.000Z' });
  } finally {
    library.close();
  }
  const call = <T>(method: keyof AttuneBridge, ...args: unknown[]): Promise<T> =>
    attune.page.evaluate(
      async ({ name, payload }) => {
        const { attune: bridge } = globalThis as unknown as BridgeGlobals;
        try {
          return { ok: true, value: await bridge[name](...payload) } as const;
        } catch (error) {
          return { ok: false, value: error instanceof Error ? error.message : String(error) } as const;
        }
      },
      { name: method, payload: args },
    ).then((outcome) => (outcome.ok ? (outcome.value as T) : Promise.reject(new Error(String(outcome.value)))));

  const page = await call<CallQueryResult>('queryCalls', { sort: { key: 'listeningScore', direction: 'desc' } });
  expect(page.rows.map((row) => [row.id, row.agentName, row.talkRatio, row.interruptions])).toEqual([
    [robin, 'Robin', 0.4, { agent: 0, customer: 1 }],
    [sam, 'Sam', 0.8, { agent: 1, customer: 1 }],
  ]);
  expect(page.rows[0]?.listeningScore).toBeGreaterThan(page.rows[1]?.listeningScore ?? 100);
  expect(page.agentNames).toEqual(['Robin', 'Sam']);
  expect((await call<CallQueryResult>('queryCalls', { talkRatio: { min: 0.6 } })).rows.map((row) => row.id)).toEqual([sam]);

  const found = await call<LibrarySearchResult>('searchLibrary', { text: 'refund' });
  expect(found.hits.map((hit) => [hit.callId, hit.kind, hit.atMs])).toEqual([
    [sam, 'annotation', 30_000],
    [robin, 'transcript', 12_000],
  ]);
  expect(found.hits[1]?.snippet).toContain('«refund»');

  attune.setChosenLibraryCsvPath(null);
  expect(await call<ExportLibraryCsvResult>('exportLibraryCsv', {})).toEqual({ status: 'cancelled' });
  const csvPath = join(attune.dropDir, 'robin.csv');
  attune.setChosenLibraryCsvPath(csvPath);
  expect(await call<ExportLibraryCsvResult>('exportLibraryCsv', { agentNames: ['Robin'] })).toEqual({ status: 'saved', path: csvPath, calls: 1 });
  const csv = readFileSync(csvPath, 'utf8').split('\r\n');
  expect(csv[1]).toMatch(new RegExp(`^${robin},2026-11-30T09:00:00\\.000Z,Robin,2:00,120000,0\\.4,0,1,\\d+,live,no,yes$`));

  await expect(call('queryCalls', { sort: { key: 'recording_path', direction: 'asc' } })).rejects.toThrow(/argument 1\.sort\.key/);

  expect(await call('deleteCall', robin)).toEqual({ ok: true, callId: robin, deletedFiles: [wav] });
  expect(existsSync(wav)).toBe(false);
  expect((await call<CallQueryResult>('queryCalls', {})).rows.map((row) => row.id)).toEqual([sam]);
});
