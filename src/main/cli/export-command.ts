// `attune export <callId> --html FILE`: a stored call's report as a self-contained HTML file (the
// same report the app exports). PDF needs Electron's printer, so only the app makes PDFs.

import { resolve } from 'node:path';
import type { Library } from '../library/library';
import { writeCallReport } from '../export/call-report-export';
import { getTranscriptionState } from '../store/transcription-state-repository';
import type { CallTranscriptionState } from '../transcription/call-transcript';

export interface ExportCommand {
  tag: 'export';
  callId: number;
  htmlPath: string;
}

export const EXIT_EXPORT_OK = 0;
export const EXIT_EXPORT_FAILED = 1;

/** Where transcription of a call stands as the library recorded it (no transcriber runs in the CLI). */
export const storedTranscriptionState: (library: Library) => CallTranscriptionState = (library) => (callId) => {
  const row = getTranscriptionState(library.db, callId);
  if (row === null) return { state: 'none', problem: null };
  // 'running' in the table with no transcriber running: the app will redo it, so it is still queued.
  return { state: row.state === 'running' ? 'queued' : row.state, problem: row.problem };
};

export async function runExportCommand(command: ExportCommand, library: Library, io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } }): Promise<number> {
  const path = resolve(command.htmlPath);
  const result = await writeCallReport({ db: library.db, transcriptionState: storedTranscriptionState(library) }, command.callId, 'html', path);
  if (!result.ok) {
    io.stderr.write(`attune: ${result.error}\n`);
    return EXIT_EXPORT_FAILED;
  }
  io.stdout.write(`Wrote the report of call ${command.callId} to ${result.path}\n`);
  return EXIT_EXPORT_OK;
}
