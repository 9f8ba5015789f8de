// Writes a stored call's report to a file: self-contained HTML, or PDF through the printer the
// caller injects (Electron's printToPDF in the app; the CLI has none). Electron-free, so the CLI, the
// IPC handler and the tests share it. Failures the user can act on come back as one sentence.

import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CallReportFormat } from '../../shared/report-export';
import type { SqliteDatabase } from '../store/database';
import { getCall } from '../store/calls-repository';
import { listAnnotations } from '../store/annotations-repository';
import { loadCallTranscript, type CallTranscriptionState } from '../transcription/call-transcript';
import { renderCallReportHtml, type CallReportData } from './call-report-html';

export type { CallReportFormat };

/** Renders the report's HTML as a PDF (Electron: an offscreen window's webContents.printToPDF). */
export type PrintHtmlToPdf = (html: string) => Promise<Uint8Array>;

export type CallReportExportResult = { ok: true; path: string } | { ok: false; error: string };

/** Everything the report shows for call `callId`; null when no call has this id. */
export function loadCallReportData(db: SqliteDatabase, callId: number, transcriptionState: CallTranscriptionState): CallReportData | null {
  const call = getCall(db, callId);
  if (call === null) return null;
  return { call, transcript: loadCallTranscript(db, callId, transcriptionState), annotations: listAnnotations(db, callId) };
}

/** `attune-call-12-2026-12-01.html`: what the save dialog proposes. */
export function defaultReportFileName(data: CallReportData, format: CallReportFormat): string {
  return `attune-call-${data.call.id}-${data.call.startedAt.slice(0, 10)}.${format}`;
}

export interface WriteCallReportDeps {
  db: SqliteDatabase;
  transcriptionState: CallTranscriptionState;
  /** Needed for 'pdf'; without it a PDF export says that only the app makes PDFs. */
  printToPdf?: PrintHtmlToPdf;
  /** The report's generation time; default now. */
  now?: () => Date;
}

/**
 * Writes call `callId`'s report to `path`. The file is written beside its destination and renamed in
 * place, so an existing file is only ever replaced by a whole report, never left half-written.
 */
export async function writeCallReport(deps: WriteCallReportDeps, callId: number, format: CallReportFormat, path: string): Promise<CallReportExportResult> {
  const data = loadCallReportData(deps.db, callId, deps.transcriptionState);
  if (data === null) return { ok: false, error: `There is no call ${callId} in the library (it may have been deleted).` };
  const html = renderCallReportHtml(data, { generatedAt: (deps.now?.() ?? new Date()).toISOString() });
  let contents: string | Uint8Array;
  if (format === 'html') {
    contents = html;
  } else {
    if (deps.printToPdf === undefined) return { ok: false, error: 'PDF reports are made by the Attune app; from the command line, export HTML (--html) and print it to PDF.' };
    contents = await deps.printToPdf(html);
  }
  const partialPath = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await writeFile(partialPath, contents);
    await rename(partialPath, path);
  } catch (error) {
    await rm(partialPath, { force: true }).catch(() => undefined);
    return { ok: false, error: `Could not write the report to ${path}: ${describeWriteError(error)}.` };
  }
  return { ok: true, path };
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'that is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message.replace(/\s*[\r\n]+\s*/g, ' ') : String(error);
  }
}
