// The `attune` command line: `attune analyze <call.wav> [--json] [--agent left|right]`.
// User mistakes and unusable recordings end in one line on stderr; only genuine bugs print a stack.

import { AudioInputError } from '../audio/audio-input-error';
import { analyzeCallFile } from '../services/call-file-analysis';
import { ANALYZE_HELP, MAIN_HELP, UsageError, parseCommandLine } from './cli-args';
import { formatTextReport, toJsonReport } from './report-format';

export const EXIT_OK = 0;
export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;
/** sysexits' EX_SOFTWARE: an internal error, i.e. a bug. */
export const EXIT_INTERNAL_ERROR = 70;

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Set ATTUNE_STATS=1 to get wall time and peak RSS on stderr (for the benchmark). */
const STATS_ENV = 'ATTUNE_STATS';

/** Runs one invocation and resolves to its exit status; never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const startedMs = performance.now();
  try {
    const command = parseCommandLine(args);
    switch (command.tag) {
      case 'help':
        io.stdout.write(command.topic === 'analyze' ? ANALYZE_HELP : MAIN_HELP);
        return EXIT_OK;
      case 'analyze': {
        const analysis = await analyzeCallFile(command.file, { agentChannel: command.agentChannel });
        io.stdout.write(command.json ? `${JSON.stringify(toJsonReport(analysis))}\n` : formatTextReport(analysis));
        if (process.env[STATS_ENV] === '1') {
          const stats = { wallMs: Math.round(performance.now() - startedMs), maxRssKb: process.resourceUsage().maxRSS };
          io.stderr.write(`attune-stats ${JSON.stringify(stats)}\n`);
        }
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
    if (error instanceof AudioInputError) {
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
