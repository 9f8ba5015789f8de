// Command-line parsing for `attune` (node:util parseArgs in token mode, so every mistake gets our own
// one-line message instead of Node's multi-sentence one).

import { parseArgs } from 'node:util';
import type { AgentChannel } from '../services/call-file-analysis';
import type { CallQuery, CallSortKey, NumberRange } from '../../shared/library';
import type { ExportCommand } from './export-command';
import type { OutcomesCommand } from './outcomes-command';
import { DEFAULT_MATCH_TOLERANCE_MS } from '../outcomes/outcomes-csv';

/** A mistake on the command line: reported in one line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type HelpTopic = 'main' | 'analyze' | 'live' | 'calls' | 'coach' | 'import' | 'models' | 'export' | 'outcomes';

export type CliCommand =
  | { tag: 'help'; topic: HelpTopic }
  | { tag: 'analyze'; file: string; json: boolean; agentChannel: AgentChannel }
  | { tag: 'live'; file: string; agentChannel: AgentChannel; speed: PlaybackSpeed; events: boolean; agentName: string }
  | { tag: 'calls'; format: 'table' | 'json' | 'csv'; query: CallQuery }
  | { tag: 'coach'; file: string; json: boolean }
  | { tag: 'import'; inputs: string[]; agentChannel: AgentChannel; agentName: string; json: boolean }
  | { tag: 'models'; action: ModelsAction }
  | ExportCommand
  | OutcomesCommand;

/** `attune models …`: list the speech models, download or import one, choose one. */
export type ModelsAction =
  | { tag: 'list'; json: boolean }
  | { tag: 'download'; modelId: string }
  | { tag: 'import'; path: string }
  | { tag: 'use'; modelId: string };

/** How fast `attune live` feeds the recording: a multiple of real time, or as fast as it can. */
export type PlaybackSpeed = { tag: 'times'; factor: number } | { tag: 'max' };

const AGENT_CHANNELS: readonly AgentChannel[] = ['left', 'right'];
const COMMANDS = ['analyze', 'live', 'calls', 'coach', 'import', 'models', 'export', 'outcomes'] as const;
type CommandName = (typeof COMMANDS)[number];
/** Faster than this is what `max` is for; it also keeps a typo like --speed 40000 from meaning something. */
const MAX_SPEED_FACTOR = 1000;

export function parseCommandLine(args: readonly string[]): CliCommand {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command (try `attune --help`)');
  if (command === '-h' || command === '--help' || command === 'help') return { tag: 'help', topic: helpTopic(rest[0]) };
  if (command.startsWith('-')) throw new UsageError(`unknown option ${command} (try \`attune --help\`)`);
  const name = COMMANDS.find((candidate) => candidate === command);
  if (name === undefined) throw new UsageError(`unknown command "${command}" (try \`attune --help\`)`);
  switch (name) {
    case 'analyze':
      return parseAnalyze(rest);
    case 'live':
      return parseLive(rest);
    case 'calls':
      return parseCalls(rest);
    case 'coach':
      return parseCoach(rest);
    case 'import':
      return parseImport(rest);
    case 'models':
      return parseModels(rest);
    case 'export':
      return parseExport(rest);
    case 'outcomes':
      return parseOutcomes(rest);
    default: {
      const unreachable: never = name;
      throw new Error(`unhandled command ${String(unreachable)}`);
    }
  }
}

function helpTopic(topic: string | undefined): HelpTopic {
  return topic === 'analyze' || topic === 'live' || topic === 'calls' || topic === 'coach' || topic === 'import' || topic === 'models' || topic === 'export' || topic === 'outcomes' ? topic : 'main';
}

type OptionToken = { name: string; rawName: string; value: string | undefined; inlineValue: boolean | undefined };

/** Splits arguments into positionals and options; each command judges its own options. */
function tokenize(args: readonly string[], valued: readonly string[]): { positionals: string[]; options: OptionToken[]; help: boolean } {
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries([
      ['help', { type: 'boolean', short: 'h' }],
      ...valued.map((name) => [name, { type: 'string' }]),
    ]) as Record<string, { type: 'string' | 'boolean'; short?: string }>,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const positionals: string[] = [];
  const options: OptionToken[] = [];
  let help = false;
  for (const token of tokens) {
    switch (token.kind) {
      case 'positional':
        positionals.push(token.value);
        break;
      case 'option-terminator':
        break;
      case 'option':
        if (token.name === 'help') help = true;
        else options.push({ name: token.name, rawName: token.rawName, value: token.value, inlineValue: token.inlineValue });
        break;
      default: {
        const unreachable: never = token;
        throw new Error(`unhandled token ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return { positionals, options, help };
}

function unknownOption(option: OptionToken, command: CommandName): never {
  throw new UsageError(`unknown option ${option.rawName} (try \`attune ${command} --help\`)`);
}

function flag(option: OptionToken): true {
  if (option.inlineValue === true) throw new UsageError(`${option.rawName} takes no value`);
  return true;
}

function agentChannelOf(option: OptionToken): AgentChannel {
  const value = option.value;
  if (value === undefined || value === '') throw new UsageError(`${option.rawName} needs a value: left or right`);
  const channel = AGENT_CHANNELS.find((candidate) => candidate === value);
  if (channel === undefined) throw new UsageError(`${option.rawName} must be left or right, not "${value}"`);
  return channel;
}

function oneFile(positionals: readonly string[], command: CommandName): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(`${command} needs a WAV file: attune ${command} <call.wav>`);
  if (extra.length > 0) throw new UsageError(`${command} takes one file, got ${positionals.length}`);
  return file;
}

function parseAnalyze(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, ['agent']);
  let json = false;
  let agentChannel: AgentChannel = 'left';
  for (const option of options) {
    if (option.name === 'json') json = flag(option);
    else if (option.name === 'agent') agentChannel = agentChannelOf(option);
    else unknownOption(option, 'analyze');
  }
  if (help) return { tag: 'help', topic: 'analyze' };
  return { tag: 'analyze', file: oneFile(positionals, 'analyze'), json, agentChannel };
}

function parseLive(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, ['agent', 'speed', 'agent-name']);
  let events = false;
  let agentChannel: AgentChannel = 'left';
  let speed: PlaybackSpeed = { tag: 'times', factor: 1 };
  let agentName = 'Agent';
  for (const option of options) {
    switch (option.name) {
      case 'events':
        events = flag(option);
        break;
      case 'agent':
        agentChannel = agentChannelOf(option);
        break;
      case 'speed':
        speed = speedOf(option);
        break;
      case 'agent-name':
        agentName = agentNameOf(option);
        break;
      default:
        unknownOption(option, 'live');
    }
  }
  if (help) return { tag: 'help', topic: 'live' };
  return { tag: 'live', file: oneFile(positionals, 'live'), agentChannel, speed, events, agentName };
}

function agentNameOf(option: OptionToken): string {
  const value = option.value;
  if (value === undefined || value.trim() === '') throw new UsageError(`${option.rawName} needs a name`);
  if (value.length > 100 || [...value].some((char) => char.charCodeAt(0) < 0x20)) throw new UsageError(`${option.rawName} must be one line of at most 100 characters`);
  return value.trim();
}

function speedOf(option: OptionToken): PlaybackSpeed {
  const value = option.value;
  if (value === undefined || value === '') throw new UsageError(`${option.rawName} needs a value: a number (times real time) or max`);
  if (value === 'max') return { tag: 'max' };
  const factor = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(factor > 0) || factor > MAX_SPEED_FACTOR) {
    throw new UsageError(`${option.rawName} must be a number above 0 and at most ${MAX_SPEED_FACTOR}, or max, not "${value}"`);
  }
  return { tag: 'times', factor };
}

/** `attune calls --sort` names, and the library column each sorts by. */
const CALL_SORT_NAMES: ReadonlyArray<[string, CallSortKey]> = [
  ['started', 'startedAt'],
  ['agent', 'agentName'],
  ['duration', 'durationMs'],
  ['talk-ratio', 'talkRatio'],
  ['agent-interruptions', 'agentInterruptions'],
  ['customer-interruptions', 'customerInterruptions'],
  ['score', 'listeningScore'],
];

function parseCalls(args: readonly string[]): CliCommand {
  const valued = ['agent-name', 'from', 'to', 'min-talk-ratio', 'max-talk-ratio', 'min-agent-interruptions', 'max-agent-interruptions',
    'min-customer-interruptions', 'max-customer-interruptions', 'min-score', 'max-score', 'sort', 'limit'];
  const { positionals, options, help } = tokenize(args, valued);
  let format: 'table' | 'json' | 'csv' = 'table';
  const query: CallQuery = {};
  const agentNames: string[] = [];
  const range = (key: 'talkRatio' | 'agentInterruptions' | 'customerInterruptions' | 'listeningScore', end: keyof NumberRange, value: number): void => {
    query[key] = { ...query[key], [end]: value };
  };
  for (const option of options) {
    switch (option.name) {
      case 'json':
      case 'csv': {
        flag(option);
        const wanted = option.name;
        if (format !== 'table' && format !== wanted) throw new UsageError('--json and --csv cannot be used together');
        format = wanted;
        break;
      }
      case 'agent-name':
        agentNames.push(agentNameOf(option));
        break;
      case 'from':
        query.startedFrom = dayOrInstant(option, 'start');
        break;
      case 'to':
        query.startedBefore = dayOrInstant(option, 'end');
        break;
      case 'min-talk-ratio':
      case 'max-talk-ratio':
        range('talkRatio', option.name.startsWith('min') ? 'min' : 'max', talkRatioOf(option));
        break;
      case 'min-agent-interruptions':
      case 'max-agent-interruptions':
        range('agentInterruptions', option.name.startsWith('min') ? 'min' : 'max', wholeNumberOf(option, 0, Number.MAX_SAFE_INTEGER));
        break;
      case 'min-customer-interruptions':
      case 'max-customer-interruptions':
        range('customerInterruptions', option.name.startsWith('min') ? 'min' : 'max', wholeNumberOf(option, 0, Number.MAX_SAFE_INTEGER));
        break;
      case 'min-score':
      case 'max-score':
        range('listeningScore', option.name.startsWith('min') ? 'min' : 'max', wholeNumberOf(option, 0, 100));
        break;
      case 'sort':
        query.sort = sortOf(option);
        break;
      case 'limit':
        query.limit = wholeNumberOf(option, 1, Number.MAX_SAFE_INTEGER);
        break;
      default:
        unknownOption(option, 'calls');
    }
  }
  if (help) return { tag: 'help', topic: 'calls' };
  if (positionals.length > 0) throw new UsageError(`calls takes no arguments, got "${positionals[0]}"`);
  if (agentNames.length > 0) query.agentNames = agentNames;
  if (query.startedFrom !== undefined && query.startedBefore !== undefined && query.startedFrom >= query.startedBefore) {
    throw new UsageError('--from must be before --to');
  }
  return { tag: 'calls', format, query };
}

function optionValue(option: OptionToken, what: string): string {
  const value = option.value;
  if (value === undefined || value === '') throw new UsageError(`${option.rawName} needs a value: ${what}`);
  return value;
}

/**
 * A day (YYYY-MM-DD, this computer's time zone) or an ISO 8601 date and time, as an ISO instant. A day
 * given as the range's end includes the whole day: the bound is the next day's midnight (exclusive).
 */
function dayOrInstant(option: OptionToken, end: 'start' | 'end'): string {
  const value = optionValue(option, 'a day (2026-11-30) or an ISO date and time');
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day !== null) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const midnight = new Date(year, month - 1, date + (end === 'end' ? 1 : 0));
    const real = new Date(year, month - 1, date);
    if (real.getFullYear() !== year || real.getMonth() !== month - 1 || real.getDate() !== date) {
      throw new UsageError(`${option.rawName} must be a real day, not "${value}"`);
    }
    return midnight.toISOString();
  }
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${option.rawName} must be a day (2026-11-30) or an ISO date and time, not "${value}"`);
  return new Date(ms).toISOString();
}

/** 0–1, or a percentage (45%). */
function talkRatioOf(option: OptionToken): number {
  const value = optionValue(option, 'a share from 0 to 1, or a percentage (45%)');
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  const ratio = percent !== null ? Number(percent[1]) / 100 : /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(ratio >= 0 && ratio <= 1)) throw new UsageError(`${option.rawName} must be a share from 0 to 1 or a percentage (45%), not "${value}"`);
  return ratio;
}

function wholeNumberOf(option: OptionToken, min: number, max: number): number {
  const value = optionValue(option, 'a whole number');
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new UsageError(`${option.rawName} must be a whole number${max === 100 ? ' from 0 to 100' : min > 0 ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return number;
}

function sortOf(option: OptionToken): NonNullable<CallQuery['sort']> {
  const names = CALL_SORT_NAMES.map(([name]) => name).join(', ');
  const value = optionValue(option, `a column (${names}), optionally :asc or :desc`);
  const [name, direction, ...extra] = value.split(':');
  const key = CALL_SORT_NAMES.find(([candidate]) => candidate === name)?.[1];
  if (key === undefined || extra.length > 0) throw new UsageError(`${option.rawName} must be one of ${names} (optionally :asc or :desc), not "${value}"`);
  if (direction === undefined) return { key, direction: key === 'startedAt' ? 'desc' : 'asc' };
  if (direction !== 'asc' && direction !== 'desc') throw new UsageError(`${option.rawName} direction must be asc or desc, not "${direction}"`);
  return { key, direction };
}

function parseCoach(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, []);
  let json = false;
  for (const option of options) {
    if (option.name === 'json') json = flag(option);
    else unknownOption(option, 'coach');
  }
  if (help) return { tag: 'help', topic: 'coach' };
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('coach needs a transcript file: attune coach <transcript.json>');
  if (extra.length > 0) throw new UsageError(`coach takes one file, got ${positionals.length}`);
  return { tag: 'coach', file, json };
}

function parseImport(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, ['agent', 'agent-name']);
  let json = false;
  let agentChannel: AgentChannel = 'left';
  let agentName = 'Agent';
  for (const option of options) {
    if (option.name === 'json') json = flag(option);
    else if (option.name === 'agent') agentChannel = agentChannelOf(option);
    else if (option.name === 'agent-name') agentName = agentNameOf(option);
    else unknownOption(option, 'import');
  }
  if (help) return { tag: 'help', topic: 'import' };
  if (positionals.length === 0) throw new UsageError('import needs files or folders: attune import <call.wav|folder>…');
  return { tag: 'import', inputs: positionals, agentChannel, agentName, json };
}

const MODELS_SUBCOMMANDS = ['download', 'import', 'use'] as const;

function parseModels(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, []);
  let json = false;
  for (const option of options) {
    if (option.name === 'json') json = flag(option);
    else unknownOption(option, 'models');
  }
  if (help) return { tag: 'help', topic: 'models' };
  const [subcommand, argument, ...extra] = positionals;
  if (subcommand === undefined) return { tag: 'models', action: { tag: 'list', json } };
  const name = MODELS_SUBCOMMANDS.find((candidate) => candidate === subcommand);
  if (name === undefined) throw new UsageError(`unknown models command "${subcommand}" (try \`attune models --help\`)`);
  if (json) throw new UsageError(`--json goes with \`attune models\` (the list), not with models ${name}`);
  const what = name === 'import' ? 'a model folder, .zip or .tar.gz' : 'a model id (see `attune models`)';
  if (argument === undefined || argument === '') throw new UsageError(`models ${name} needs ${what}: attune models ${name} <${name === 'import' ? 'path' : 'id'}>`);
  if (extra.length > 0) throw new UsageError(`models ${name} takes one ${name === 'import' ? 'path' : 'id'}, got ${extra.length + 1}`);
  switch (name) {
    case 'download':
      return { tag: 'models', action: { tag: 'download', modelId: argument } };
    case 'import':
      return { tag: 'models', action: { tag: 'import', path: argument } };
    case 'use':
      return { tag: 'models', action: { tag: 'use', modelId: argument } };
    default: {
      const unreachable: never = name;
      throw new Error(`unhandled models command ${String(unreachable)}`);
    }
  }
}

function parseExport(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, ['html']);
  let htmlPath: string | undefined;
  for (const option of options) {
    if (option.name === 'html') {
      if (option.value === undefined || option.value === '') throw new UsageError(`${option.rawName} needs a file: attune export <call id> --html report.html`);
      htmlPath = option.value;
    } else if (option.name === 'pdf') {
      throw new UsageError('PDF reports are made by the Attune app; here use --html FILE (and print it to PDF if needed)');
    } else unknownOption(option, 'export');
  }
  if (help) return { tag: 'help', topic: 'export' };
  const [id, ...extra] = positionals;
  if (id === undefined) throw new UsageError('export needs a call id (see `attune calls`): attune export <call id> --html FILE');
  if (extra.length > 0) throw new UsageError(`export takes one call id, got ${positionals.length}`);
  if (!/^[1-9]\d{0,14}$/.test(id)) throw new UsageError(`the call id must be a whole number from \`attune calls\`, not "${id}"`);
  if (htmlPath === undefined) throw new UsageError('export needs --html FILE: attune export <call id> --html report.html');
  return { tag: 'export', callId: Number(id), htmlPath };
}

/** Larger than an hour is no longer "the same call"; --tolerance is in seconds. */
const MAX_OUTCOMES_TOLERANCE_S = 3600;

function parseOutcomes(args: readonly string[]): CliCommand {
  const { positionals, options, help } = tokenize(args, ['tolerance']);
  let json = false;
  let toleranceMs = DEFAULT_MATCH_TOLERANCE_MS;
  for (const option of options) {
    if (option.name === 'json') json = flag(option);
    else if (option.name === 'tolerance') {
      const text = option.value ?? '';
      const seconds = Number(text);
      if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_OUTCOMES_TOLERANCE_S) {
        throw new UsageError(`${option.rawName} must be a number of seconds from 0 to ${MAX_OUTCOMES_TOLERANCE_S}, not "${text}"`);
      }
      toleranceMs = Math.round(seconds * 1000);
    } else unknownOption(option, 'outcomes');
  }
  if (help) return { tag: 'help', topic: 'outcomes' };
  const [subcommand, file, ...extra] = positionals;
  if (subcommand === undefined) throw new UsageError('outcomes needs a command: attune outcomes import FILE.csv');
  if (subcommand !== 'import') throw new UsageError(`unknown outcomes command "${subcommand}" (try \`attune outcomes --help\`)`);
  if (file === undefined || file === '') throw new UsageError('outcomes import needs a CSV file: attune outcomes import FILE.csv');
  if (extra.length > 0) throw new UsageError(`outcomes import takes one CSV file, got ${extra.length + 1}`);
  return { tag: 'outcomes', action: { tag: 'import', file, toleranceMs, json } };
}

export const OUTCOMES_HELP = `Usage: attune outcomes import FILE.csv [--tolerance SECONDS] [--json]

Adds call outcomes from a CSV export (a survey or ticketing tool, a spreadsheet)
to the stored calls: customer satisfaction, resolution on first contact, and the
customer's name or account (which links a customer's calls together).

The first line names the columns, in any order and any case (spaces, dashes and
underscores ignored); comma or semicolon separated:
  start time (required) "start", "start time", "started at", "date", …:
                        2026-12-01 14:05[:30] is this computer's local time;
                        ISO 8601 with Z or an offset is exact
  agent (required)      "agent" or "agent name", as in \`attune calls\`
  csat                  "csat" or "satisfaction": 1 to 5
  resolved              "resolved", "fcr", "first contact resolution": yes/no
  customer, account     "customer" or "customer name"; "account" or "customer id"

Each row goes to the call of the same agent whose start is nearest its start
time, within the tolerance. A blank cell changes nothing, so outcomes typed in
the app are kept. Rows that cannot be used are listed with their line and why.

Options:
  --tolerance SECONDS   Largest difference between the row's and the call's start
                        (default ${DEFAULT_MATCH_TOLERANCE_MS / 1000})
  --json                Print {"rows","matched","problems":[{"line","reason"}]}
  -h, --help            Show this help

Exit status: 0 every row stored, 1 a row or the file could not be used (or the
library can't be used), 2 bad command line, 70 internal error (please report it).
`;

export const EXPORT_HELP = `Usage: attune export <call id> --html FILE

Writes the report of a stored call (see \`attune calls\` for the ids) as one
self-contained HTML file: metrics, targets, listening scorecard, timeline,
annotations, notes and cards of the live call, and the transcript. It needs no
network and no other file, so it can be mailed or archived as it is. An existing
FILE is replaced. PDF reports are made by the app (Library › call › Export).

Options:
  --html FILE           Where to write the report
  -h, --help            Show this help

Exit status: 0 written, 1 no such call / the file can't be written / the library
can't be used, 2 bad command line, 70 internal error (please report it).
`;

export const MAIN_HELP = `Usage: attune <command> [options]

Attune listens to two-channel call recordings and reports turn-taking: talk ratio,
interruptions, backchannels, monologues, overlap, silence, dead air and response gaps.

Commands:
  analyze <call.wav>    Analyse one stereo recording (see \`attune analyze --help\`)
  live <call.wav>       Play a stereo recording through the live coach, as if it were
                        a call happening now; record and store it (\`attune live --help\`)
  calls                 List the stored calls (\`attune calls --help\`)
  coach <transcript.json>
                        Listening cues and a scorecard from a Vosk transcript
                        (\`attune coach --help\`)
  import <files or folders…>
                        Analyse recorded calls (WAV, MP3, Ogg) and store them in
                        the library (\`attune import --help\`)
  models                List, download, import or choose the Vosk speech models used
                        for transcripts (\`attune models --help\`)
  export <call id> --html FILE
                        Write a stored call's report as one HTML file
                        (\`attune export --help\`)
  outcomes import <outcomes.csv>
                        Add CSAT, first-contact resolution and customer to the
                        stored calls from a CSV (\`attune outcomes --help\`)

Every command first stores calls left unfinished by a crash (the library folder is
$ATTUNE_DATA_DIR, else the app's: ~/.config/Attune on Linux).

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

export const LIVE_HELP = `Usage: attune live <call.wav> [--agent left|right] [--speed N|max] [--events]
                   [--agent-name NAME]

Plays a stereo recording through the live coach exactly as the app runs a call: the
frames are fed at N times real time to the same live session (analysis, coaching
cards, crash-safe recording), and the call is stored in the library.

Options:
  --agent left|right    Channel carrying the agent's microphone (default: left)
  --speed N|max         Times real time (default: 1), or as fast as possible
  --events              Print one JSON object per line: every event and card (type,
                        atMs = audio time it is about, emittedAtMs = audio fed when it
                        was emitted), metrics snapshots {"type":"metrics",...} every
                        100 ms of audio, and last {"type":"saved","callId":N}
  --agent-name NAME     Agent name stored with the call (default: Agent)
  -h, --help            Show this help

Ctrl-C stops early and stores what was played.
Exit status: 0 stored, 1 the recording can't be played or the library can't be used,
2 bad command line, 70 internal error (please report it).
`;

export const CALLS_HELP = `Usage: attune calls [--json | --csv] [filters] [--sort COLUMN[:asc|desc]] [--limit N]

Lists the calls stored in the library, newest first: id, start, agent, duration,
talk ratio (agent's share), interruptions by each side, listening score (0-100,
see the README), and whether the call was recovered after a crash.

Filters (all optional, combined):
  --agent-name NAME     Calls of this agent (repeat for several agents)
  --from DAY|TIME       Calls that started on or after this day (2026-11-30, this
                        computer's time zone) or ISO date and time
  --to DAY|TIME         ... up to the end of this day, or before this date and time
  --min-talk-ratio R, --max-talk-ratio R
                        The agent's share of the talk, 0-1 or a percentage (45%)
  --min-agent-interruptions N, --max-agent-interruptions N
  --min-customer-interruptions N, --max-customer-interruptions N
  --min-score N, --max-score N
                        Listening score 0-100 (calls without a score are left out)

Options:
  --sort COLUMN[:asc|desc]
                        started (default, newest first), agent, duration,
                        talk-ratio, agent-interruptions, customer-interruptions,
                        score; ascending unless :desc (started: descending)
  --limit N             At most N calls
  --json                Print one JSON object: {"total": calls matching,
                        "calls":[{ "id", "startedAt", "agentName", "durationMs",
                        "talkRatio", "interruptions": { "agent", "customer" },
                        "listeningScore", "source", "recovered" }, ...]}
  --csv                 Print CSV (a header row, then one row per call) for a
                        spreadsheet: npx attune calls --csv > calls.csv
  -h, --help            Show this help

Exit status: 0 done, 1 the library can't be used, 2 bad command line.
`;

export const COACH_HELP = `Usage: attune coach <transcript.json> [--json]

Finds listening cues in a call's transcript and sums them up in a scorecard. The
transcript is Vosk's own final results, one list per channel (times in seconds):
  { "agent": [ { "text": "...", "result": [ { "word": "...", "start": 1.23,
    "end": 1.5, "conf": 0.97 }, ... ] }, ... ], "customer": [ ... ] }

Cues (all about the agent): fast-pace, filler, empathy, paraphrase, open-question,
closed-question, defensive, thanks, intent-to-help, options-offered, name-used,
next-step. The phrases are in src/main/transcript/phrases.en.json.

Options:
  --json                Print one JSON object: {"cues":[{ "type", "by", "atMs",
                        "text" }, ...], "scorecard":{ "durationMs", "agent",
                        "counts", "timing", "points":[{ "key", "verdict",
                        "summary", "value", "moments":[{ "atMs", "text" }] }] }}
  -h, --help            Show this help

Exit status: 0 done, 1 the transcript can't be read or is invalid, 2 bad command
line, 70 internal error (please report it).
`;

export const IMPORT_HELP = `Usage: attune import <files or folders…> [--agent left|right] [--agent-name NAME]
                     [--json]

Imports recorded calls into the library: stereo recordings with the agent on one
channel and the customer on the other, as WAV, MP3, Ogg Opus or Ogg Vorbis (M4A/AAC
can't be decoded: convert to WAV first). Folders are searched recursively for audio
files. Each call is analysed as \`attune analyze\` does, kept as a 16 kHz stereo WAV
in the library's recordings folder and stored; its start is the file's modification
time minus its length. Mono, damaged, empty and unsupported files are listed with
the reason and the others go on; a file imported before (same bytes) is a duplicate.

Prints one line per file on stdout as it is done ("[n/N] imported|duplicate|failed
<path>: ..."), then a summary line.

Options:
  --agent left|right    Channel carrying the agent's microphone (default: left)
  --agent-name NAME     Agent name stored with the calls (default: Agent)
  --json                One JSON object per line per file: {"type":"file",
                        "status":"imported","path","callId","format","startedAt",
                        "durationMs","talkRatio","interruptions":{"agent",
                        "customer"},"recordingPath","damagedFrames"} or
                        {"type":"file","status":"duplicate"|"failed","path",
                        ("callId",)"reason"}; last {"type":"summary","imported",
                        "duplicates","failed"}
  -h, --help            Show this help

Exit status: 0 every file imported (or already there), 1 a file failed or the
library can't be used, 2 bad command line, 70 internal error (please report it).
`;

export const MODELS_HELP = `Usage: attune models [--json]
       attune models download <id>
       attune models import <folder | archive.zip | archive.tar.gz>
       attune models use <id>

The Vosk speech models that transcribe calls, kept in the library folder under
models/<id>/. The models offered for download are listed in models/manifest.json
(set ATTUNE_MODEL_MANIFEST to use another list).

  (no command)          List the models: id, name, state (ready, partial,
                        not-installed), size, and * for the chosen one
  download <id>         Download a listed model (progress on stderr), check its
                        sha256 against the list, unpack it and install it. An
                        interrupted download resumes where it stopped; Ctrl-C
                        stops it and keeps what was downloaded. A model the list
                        has no checksum for is installed with a warning that it
                        could not be verified.
  import <path>         Install a model folder, .zip or .tar.gz you already have
  use <id>              Choose the installed model transcripts are made with
  The first model downloaded or imported is chosen when none is.

Options:
  --json                With the list: one JSON object {"selected": id or null,
                        "models":[{ "id", "name", "language", "state",
                        "selected", "downloadable", "approxSizeMb",
                        "checksumKnown", "problem" }, ...]}
  -h, --help            Show this help

Exit status: 0 done, 1 the model can't be downloaded, imported or chosen, 2 bad
command line, 70 internal error (please report it), 130 download stopped by
Ctrl-C (run it again to resume).
`;
