// Importing recorded calls from the app: the request, each file's outcome and the progress pushed on
// IMPORT_PROGRESS_CHANNEL while an import runs (one import at a time).

import type { AgentChannel } from './ipc-contract';

export interface ImportCallsRequest {
  /** Absolute paths of files and folders (folders are searched recursively for audio files). */
  paths: string[];
  /** Which stereo channel carries the agent. Default 'left'. */
  agentChannel?: AgentChannel;
  /** Stored with every imported call; empty or absent means "Agent". */
  agentName?: string;
}

/** One file's outcome; `reason` is one line for the person importing. */
export type ImportFileOutcome =
  | {
      status: 'imported';
      path: string;
      callId: number;
      durationMs: number;
      talkRatio: number;
      interruptions: { agent: number; customer: number };
      /** Compressed frames that could not be decoded and were skipped (0 for WAV). */
      damagedFrames: number;
    }
  | { status: 'duplicate'; path: string; callId: number; reason: string }
  | { status: 'failed'; path: string; reason: string };

export interface ImportCallsSummary {
  imported: number;
  duplicates: number;
  failed: number;
}

export type ImportCallsResult =
  | { ok: true; importId: number; summary: ImportCallsSummary; outcomes: ImportFileOutcome[] }
  | { ok: false; error: string };

/**
 * Pushed while an import runs: the file list, each file as it starts and ends, the summary. importId
 * rises with each import, so a window can tell a late push of a finished import from a new one (pushes
 * and the importCalls answer are separate messages).
 */
export type ImportProgress =
  | { type: 'started'; importId: number; total: number }
  | { type: 'file-started'; importId: number; index: number; total: number; path: string }
  | { type: 'file-done'; importId: number; index: number; total: number; outcome: ImportFileOutcome }
  | { type: 'finished'; importId: number; summary: ImportCallsSummary };

/** Push channel main → windows for ImportProgress. */
export const IMPORT_PROGRESS_CHANNEL = 'attune:import-progress';
