// The `attune` command line: `attune analyze`, `attune live`, `attune calls`, `attune coach`, `attune import`,
// `attune models`, `attune export`.
// Every command first stores calls a crash left unfinished (recovery). User mistakes, unusable
// recordings and an unusable library end in one line on stderr; only genuine bugs print a stack.

import { existsSync } from 'node:fs';
import { AudioInputError } from '../audio/audio-input-error';
import { resolveDataDir } from '../library/data-dir';
import { openLibrary, type Library } from '../library/library';
import { LibraryError } from '../library/library-error';
import { recoverUnfinishedCalls } from '../services/call-recovery';
import { analyzeCallFile } from '../services/call-file-analysis';
import { queryCalls } from '../store/calls-query';
import { callsCsv } from '../library/calls-csv';
import { callsJson, callsTable } from './calls-format';
import { applyRetentionForCli } from './cli-retention';
import { ANALYZE_HELP, CALLS_HELP, COACH_HELP, EXPORT_HELP, IMPORT_HELP, LIVE_HELP, MAIN_HELP, MODELS_HELP, OUTCOMES_HELP, UsageError, parseCommandLine, type HelpTopic } from './cli-args';
import { runExportCommand } from './export-command';
import { runOutcomesCommand } from './outcomes-command';
import { runImportCommand } from './import-command';
import { runLiveCommand } from './live-command';
import { ModelManifestError } from '../models/model-manifest';
import { runModelsCommand } from './models-command';
import { TranscriptError } from '../transcript/vosk-transcript';
import { coachJson, coachText, coachTranscriptFile } from './coach-command';
import { formatTextReport, toJsonReport } from './report-format';

export const EXIT_OK = 0;
export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;
/** sysexits' EX_SOFTWARE: an internal error, i.e. a bug. */
export const EXIT_INTERNAL_ERROR = 70;

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves when the user asks to stop (Ctrl-C); `attune live` then stores what it played. */
  interrupted?: Promise<void>;
}

const HELP: Record<HelpTopic, string> = { main: MAIN_HELP, analyze: ANALYZE_HELP, live: LIVE_HELP, calls: CALLS_HELP, coach: COACH_HELP, import: IMPORT_HELP, models: MODELS_HELP, export: EXPORT_HELP, outcomes: OUTCOMES_HELP };

/** Set ATTUNE_STATS=1 to get wall time and peak RSS on stderr (for the benchmark). */
const STATS_ENV = 'ATTUNE_STATS';

/** Runs one invocation and resolves to its exit status; never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const startedMs = performance.now();
  try {
    const command = parseCommandLine(args);
    switch (command.tag) {
      case 'help':
        io.stdout.write(HELP[command.topic]);
        return EXIT_OK;
      case 'analyze': {
        // Analysing a file needs no library: recover if there is a usable one, and say nothing if not.
        await recoverQuietly(io);
        const analysis = await analyzeCallFile(command.file, { agentChannel: command.agentChannel });
        io.stdout.write(command.json ? `${JSON.stringify(toJsonReport(analysis))}\n` : formatTextReport(analysis));
        if (process.env[STATS_ENV] === '1') {
          const stats = { wallMs: Math.round(performance.now() - startedMs), maxRssKb: process.resourceUsage().maxRSS };
          io.stderr.write(`attune-stats ${JSON.stringify(stats)}\n`);
        }
        return EXIT_OK;
      }
      case 'live':
        return await withLibrary(io, (library) => runLiveCommand(command, library, io));
      case 'calls':
        return await withLibrary(io, (library) => {
          const { rows, total } = queryCalls(library.db, command.query);
          const filtered = Object.keys(command.query).some((key) => key !== 'sort' && key !== 'limit');
          io.stdout.write(
            command.format === 'json' ? callsJson(rows, total) : command.format === 'csv' ? callsCsv(rows) : callsTable(rows, library.dataDir, filtered, total),
          );
          return Promise.resolve(EXIT_OK);
        });
      case 'import':
        return await withLibrary(io, (library) => runImportCommand(command, library, io));
      case 'models':
        return await withLibrary(io, (library) => runModelsCommand(command.action, library, io));
      case 'export':
        return await withLibrary(io, (library) => runExportCommand(command, library, io));
      case 'outcomes':
        return await withLibrary(io, (library) => runOutcomesCommand(command, library, io));
      case 'coach': {
        // Like analyze, coaching a file needs no library: recover only if there is a usable one.
        await recoverQuietly(io);
        const report = await coachTranscriptFile(command.file);
        io.stdout.write(command.json ? coachJson(report) : coachText(report));
        return EXIT_OK;
      }
      default: {
        const unreachable: never = command;
        throw new Error(`unhandled command ${JSON.stringify(unreachable)}`);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`attune: ${oneLine(error.message)}\n`);
      return EXIT_USAGE_ERROR;
    }
    if (error instanceof AudioInputError || error instanceof LibraryError || error instanceof TranscriptError || error instanceof ModelManifestError) {
      io.stderr.write(`attune: ${oneLine(error.message)}\n`);
      return EXIT_INPUT_ERROR;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`attune: internal error, please report it:\n${detail}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

/** User-facing messages are one line by contract; a stray newline (e.g. from a file name) must not break it. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Opens the library (a LibraryError is the user's one line), stores unfinished calls, runs `action`, closes. */
async function withLibrary(io: CliIo, action: (library: Library) => Promise<number>): Promise<number> {
  const library = openLibrary(resolveDataDir());
  try {
    await recover(library, io);
    applyRetentionForCli(library, io.stderr);
    return await action(library);
  } finally {
    library.close();
  }
}

async function recover(library: Library, io: CliIo): Promise<void> {
  const recovered = await recoverUnfinishedCalls(library, {
    logError: (message, error) => io.stderr.write(`${oneLine(`${message}${error instanceof Error ? `: ${error.message}` : ''}`)}\n`),
  });
  for (const call of recovered) {
    io.stderr.write(`attune: stored call ${call.callId}, left unfinished by a crash (recording: ${call.recordingPath})\n`);
  }
}

/** Recovery before `analyze`: only in an existing library folder, and silent if it cannot be used. */
async function recoverQuietly(io: CliIo): Promise<void> {
  let library: Library;
  try {
    const dataDir = resolveDataDir();
    if (!existsSync(dataDir)) return;
    library = openLibrary(dataDir);
  } catch {
    return;
  }
  try {
    await recover(library, io);
  } catch {
    // Analysing the file is what was asked for; recovery gets another chance at the next command.
  } finally {
    library.close();
  }
}
