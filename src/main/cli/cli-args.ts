// Command-line parsing for `attune` (node:util parseArgs in token mode, so every mistake gets our own
// one-line message instead of Node's multi-sentence one).

import { parseArgs } from 'node:util';
import type { AgentChannel } from '../services/call-file-analysis';

/** A mistake on the command line: reported in one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CliCommand =
  | { tag: 'help'; topic: 'main' | 'analyze' }
  | { tag: 'analyze'; file: string; json: boolean; agentChannel: AgentChannel };

const AGENT_CHANNELS: readonly AgentChannel[] = ['left', 'right'];

export function parseCommandLine(args: readonly string[]): CliCommand {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command (try `attune --help`)');
  if (command === '-h' || command === '--help' || command === 'help') return { tag: 'help', topic: rest[0] === 'analyze' ? 'analyze' : 'main' };
  if (command.startsWith('-')) throw new UsageError(`unknown option ${command} (try \`attune --help\`)`);
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}" (try \`attune --help\`)`);
  return parseAnalyze(rest);
}

function parseAnalyze(args: readonly string[]): CliCommand {
  const { tokens } = parseArgs({
    args: [...args],
    options: {
      json: { type: 'boolean' },
      agent: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const files: string[] = [];
  let json = false;
  let agentChannel: AgentChannel = 'left';
  let help = false;
  for (const token of tokens) {
    switch (token.kind) {
      case 'positional':
        files.push(token.value);
        break;
      case 'option-terminator':
        break;
      case 'option':
        switch (token.name) {
          case 'help':
            help = true;
            break;
          case 'json':
            if (token.inlineValue === true) throw new UsageError(`${token.rawName} takes no value`);
            json = true;
            break;
          case 'agent': {
            const value = token.value;
            if (value === undefined || value === '') throw new UsageError(`${token.rawName} needs a value: left or right`);
            const channel = AGENT_CHANNELS.find((candidate) => candidate === value);
            if (channel === undefined) throw new UsageError(`${token.rawName} must be left or right, not "${value}"`);
            agentChannel = channel;
            break;
          }
          default:
            throw new UsageError(`unknown option ${token.rawName} (try \`attune analyze --help\`)`);
        }
        break;
      default: {
        const unreachable: never = token;
        throw new Error(`unhandled token ${JSON.stringify(unreachable)}`);
      }
    }
  }
  if (help) return { tag: 'help', topic: 'analyze' };
  const [file, ...extra] = files;
  if (file === undefined) throw new UsageError('analyze needs a WAV file: attune analyze <call.wav>');
  if (extra.length > 0) throw new UsageError(`analyze takes one file, got ${files.length}`);
  return { tag: 'analyze', file, json, agentChannel };
}

export const MAIN_HELP = `Usage: attune <command> [options]

Attune listens to two-channel call recordings and reports turn-taking: talk ratio,
interruptions, backchannels, monologues, overlap, silence, dead air and response gaps.

Commands:
  analyze <call.wav>    Analyse one stereo recording (see \`attune analyze --help\`)

Options:
  -h, --help            Show this help
`;

export const ANALYZE_HELP = `Usage: attune analyze <call.wav> [--json] [--agent left|right]

Analyses a stereo WAV recording with the agent on one channel and the customer on
the other (PCM 8/16/24/32-bit, float 32/64-bit, A-law or μ-law; 8–192 kHz).

Options:
  --json                Print one JSON object instead of the report
  --agent left|right    Channel carrying the agent's microphone (default: left)
  -h, --help            Show this help

Exit status: 0 done, 1 the recording can't be analysed, 2 bad command line,
70 internal error (please report it).
`;
