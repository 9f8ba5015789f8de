// Writing a stored call's report from a real (in-memory) library: what `attune export` and the app's
// exportCallReport do. The PDF printer is Electron's printToPDF in the app; here a test printer stands
// in for it to check the writing path only (the real PDF is covered by the Electron e2e, skipped
// without an Electron binary).

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { insertAnnotation } from '../../src/main/store/annotations-repository';
import { insertCall } from '../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../src/main/store/transcripts-repository';
import { defaultReportFileName, loadCallReportData, writeCallReport, type WriteCallReportDeps } from '../../src/main/export/call-report-export';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

const folder = mkdtempSync(join(tmpdir(), 'attune-export-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function library(): { deps: WriteCallReportDeps; callId: number } {
  const db = migratedMemoryDb();
  const callId = insertCall(db, sampleCall());
  appendTranscriptWords(db, callId, [
    { channel: 'customer', word: 'refund', startMs: 22_000, endMs: 22_400, conf: 0.95 },
    { channel: 'agent', word: 'certainly', startMs: 41_000, endMs: 41_500, conf: 0.9 },
  ]);
  insertAnnotation(db, { callId, startMs: 40_500, endMs: null, text: 'Talked over the refund request', tags: ['interrupted'], author: 'Sam', createdAt: '2026-12-01T14:00:00.000Z' });
  const deps: WriteCallReportDeps = { db, transcriptionState: () => ({ state: 'none', problem: null }), now: () => new Date('2026-12-01T15:00:00.000Z') };
  return { deps, callId };
}

describe('writeCallReport', () => {
  it('writes a self-contained HTML report holding the annotation and the transcript words', async () => {
    const { deps, callId } = library();
    const path = join(folder, 'report.html');
    assert.deepEqual(await writeCallReport(deps, callId, 'html', path), { ok: true, path });
    const html = readFileSync(path, 'utf8');
    assert.match(html, /Talked over the refund request/);
    assert.match(html, /<span class="tag">interrupted<\/span>/);
    assert.match(html, /refund/);
    assert.match(html, /certainly/);
    assert.match(html, /Made by Attune on 2026-12-01 15:00 UTC/);
  });

  it('replaces an existing file whole and leaves no partial file behind', async () => {
    const { deps, callId } = library();
    const path = join(folder, 'again.html');
    writeFileSync(path, 'old contents');
    assert.equal((await writeCallReport(deps, callId, 'html', path)).ok, true);
    assert.match(readFileSync(path, 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.partial')), []);
  });

  it('says in one sentence when the call is gone or the folder does not exist, writing nothing', async () => {
    const { deps, callId } = library();
    const gone = await writeCallReport(deps, callId + 1, 'html', join(folder, 'gone.html'));
    assert.deepEqual(gone, { ok: false, error: `There is no call ${callId + 1} in the library (it may have been deleted).` });
    const missing = join(folder, 'no-such-folder', 'r.html');
    assert.deepEqual(await writeCallReport(deps, callId, 'html', missing), { ok: false, error: `Could not write the report to ${missing}: its folder does not exist.` });
    assert.deepEqual(readdirSync(folder).filter((name) => name.startsWith('gone') || name.endsWith('.partial')), []);
  });

  it('needs a printer for PDF: without one it says so; with one it writes what the printer made of the report', async () => {
    const { deps, callId } = library();
    const pdfPath = join(folder, 'report.pdf');
    const refused = await writeCallReport(deps, callId, 'pdf', pdfPath);
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.error, /^PDF reports are made by the Attune app/);
    let printed = '';
    const result = await writeCallReport({ ...deps, printToPdf: (html) => { printed = html; return Promise.resolve(new TextEncoder().encode('%PDF-1.7 test')); } }, callId, 'pdf', pdfPath);
    assert.deepEqual(result, { ok: true, path: pdfPath });
    assert.match(printed, /Talked over the refund request/);
    assert.equal(readFileSync(pdfPath, 'utf8'), '%PDF-1.7 test');
  });

  it('proposes a file name from the call id and date', () => {
    const { deps, callId } = library();
    const data = loadCallReportData(deps.db, callId, deps.transcriptionState);
    assert.ok(data);
    assert.equal(defaultReportFileName(data, 'pdf'), `attune-call-${callId}-2026-12-01.pdf`);
  });
});
