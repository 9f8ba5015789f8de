// Imports recorded calls into the library: each file is recognised by its bytes, refused early if it
// is mono, unsupported or already imported (same SHA-256), then decoded once, block by block, into two
// consumers at the same time: the analyzer `attune analyze` uses (WAV files go through analyzeCallFile
// itself) and a 16 kHz agent-left stereo WAV in recordings/, the format every stored call has, which
// replay and background transcription read. Stored as source 'import' with where it came from.
// One file's failure is its own outcome with a one-line reason; the others go on. Electron-free.

import { createHash } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { CallMetrics } from '../../shared/call-analysis';
import { createChannelPairAnalysis } from '../analysis/analyze-channels';
import { AudioInputError } from '../audio/audio-input-error';
import { FORMAT_PROBE_BYTES, detectAudioFormat, mp3FrameSearchStart, type AudioFormat } from '../audio/audio-format';
import { FORMAT_NAMES, decodeCompressedFile, type CompressedFormat, type DecodeReport } from '../audio/compressed-audio-decoder';
import { toFileAccessError } from '../audio/wav-file-reader';
import type { Library } from '../library/library';
import { createImportedRecordingWriter } from '../recording/imported-recording-writer';
import { WAV_SUFFIX } from '../recording/recording-files';
import { findImportBySha256, insertImportedCall, type ImportedFormat } from '../store/call-imports-repository';
import { CallAlreadyStoredError } from '../store/calls-repository';
import { analyzeCallFile, type AgentChannel } from './call-file-analysis';
import { listImportFiles } from './import-file-list';

export interface CallImportOptions {
  /** Which channel of the files carries the agent. Default 'left'. */
  agentChannel?: AgentChannel;
  /** Stored with every imported call. Default 'Agent'. */
  agentName?: string;
  /** Now, for imported_at. Default: the clock. */
  now?: () => Date;
}

export type ImportOutcome =
  | {
      status: 'imported';
      path: string;
      callId: number;
      format: ImportedFormat;
      startedAt: string;
      durationMs: number;
      metrics: CallMetrics;
      recordingPath: string;
      /** Compressed frames the decoder could not read and skipped (0 for WAV). */
      damagedFrames: number;
    }
  | { status: 'duplicate'; path: string; callId: number; reason: string }
  | { status: 'failed'; path: string; reason: string };

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: number;
}

export const DEFAULT_AGENT_NAME = 'Agent';

/**
 * Shorter than this is no call: an "empty" Opus file still decodes to a few ms of the encoder's
 * padding, and nothing under a second has turns to measure.
 */
export const MIN_CALL_MS = 1000;

/**
 * Imports every file named or found in the named folders, one after another, reporting each outcome
 * as it is known (for a progress line or bar). Never throws for a bad file.
 */
export async function importCalls(
  library: Library,
  inputs: readonly string[],
  options: CallImportOptions,
  onOutcome: (outcome: ImportOutcome, index: number, total: number) => void,
): Promise<ImportSummary> {
  const candidates = await listImportFiles(inputs);
  const summary: ImportSummary = { imported: 0, duplicates: 0, failed: 0 };
  for (const [index, candidate] of candidates.entries()) {
    const outcome: ImportOutcome =
      candidate.tag === 'problem' ? { status: 'failed', path: candidate.path, reason: candidate.reason } : await importCallFile(library, candidate.path, options);
    if (outcome.status === 'imported') summary.imported++;
    else if (outcome.status === 'duplicate') summary.duplicates++;
    else summary.failed++;
    onOutcome(outcome, index, candidates.length);
  }
  return summary;
}

/** Imports one file; every problem is a 'failed' outcome with a one-line reason. */
export async function importCallFile(library: Library, file: string, options: CallImportOptions = {}): Promise<ImportOutcome> {
  const path = resolve(file);
  try {
    return await importOrThrow(library, path, options);
  } catch (error) {
    return { status: 'failed', path, reason: reasonOf(error) };
  }
}

async function importOrThrow(library: Library, path: string, options: CallImportOptions): Promise<ImportOutcome> {
  const agentChannel = options.agentChannel ?? 'left';
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw toFileAccessError(error, path);
  }
  if (!info.isFile()) throw new AudioInputError(`${name} is not a regular file`, 'not-wav');
  if (info.size === 0) throw new AudioInputError(`${name} is empty (0 bytes)`, 'invalid-audio');

  const format = await probeFormat(path);
  const importedFormat = importableFormat(format, name);

  const contentSha256 = await sha256OfFile(path);
  const previous = findImportBySha256(library.db, contentSha256);
  if (previous !== null) return duplicateOutcome(path, previous.callId, previous.sourcePath);

  const recordingKey = `import-${contentSha256}`;
  const recordingPath = join(library.recordingsDir, `${recordingKey}${WAV_SUFFIX}`);
  const writer = createImportedRecordingWriter(recordingPath);
  let metrics: CallMetrics;
  const decodeReport: DecodeReport = { damagedFrames: 0 };
  try {
    metrics = await analyzeFile(path, importedFormat, agentChannel, decodeReport, (agent, customer, sampleRateHz) => writer.push(agent, customer, sampleRateHz));
    if (metrics.durationMs < MIN_CALL_MS && decodeReport.damagedFrames > 0) {
      const seconds = (metrics.durationMs / 1000).toFixed(2);
      throw new AudioInputError(`${name} is damaged: only ${seconds} s of it could be decoded (${decodeReport.damagedFrames} frames could not)`, 'corrupt');
    }
    if (metrics.durationMs < MIN_CALL_MS) {
      throw new AudioInputError(`${name} has no audio to speak of (${(metrics.durationMs / 1000).toFixed(2)} s; a call needs at least 1 s)`, 'invalid-audio');
    }
    writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }

  // Recorders write until the call ends, so the file's modification time is when the call ended.
  const startedAt = new Date(info.mtimeMs - metrics.durationMs).toISOString();
  const now = (options.now ?? (() => new Date()))();
  try {
    const callId = insertImportedCall(
      library.db,
      {
        recordingKey,
        agentName: options.agentName ?? DEFAULT_AGENT_NAME,
        startedAt,
        durationMs: metrics.durationMs,
        recordingPath,
        metrics,
        cards: [],
        notes: [],
        recovered: false,
        source: 'import',
      },
      { sourcePath: path, sourceFormat: importedFormat, agentChannel, contentSha256, importedAt: now.toISOString() },
    );
    return {
      status: 'imported',
      path,
      callId,
      format: importedFormat,
      startedAt,
      durationMs: metrics.durationMs,
      metrics,
      recordingPath,
      damagedFrames: decodeReport.damagedFrames,
    };
  } catch (error) {
    // Another process imported the same file meanwhile: its call (and this same recording) stand.
    const raced = findImportBySha256(library.db, contentSha256);
    if (raced !== null) return duplicateOutcome(path, raced.callId, raced.sourcePath);
    // The same key with no import row: the recording is that call's, and stays.
    if (error instanceof CallAlreadyStoredError) throw new AudioInputError(`${name}: a call from the same recording is already stored`);
    // Nothing was stored, so the recording written for it belongs to no call.
    rmSync(recordingPath, { force: true });
    throw error;
  }
}

function duplicateOutcome(path: string, callId: number, sourcePath: string): ImportOutcome {
  const from = sourcePath === path ? '' : ` from ${sourcePath}`;
  return { status: 'duplicate', path, callId, reason: `already imported as call ${callId}${from} (the same bytes)` };
}

async function probeFormat(path: string): Promise<AudioFormat> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw toFileAccessError(error, path);
  }
  try {
    const head = new Uint8Array(FORMAT_PROBE_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const probe = head.subarray(0, bytesRead);
    const tagEnd = mp3FrameSearchStart(probe);
    if (tagEnd + 4 < bytesRead) return detectAudioFormat(probe);
    // An ID3 tag (e.g. cover art) longer than the probe: look for the first frame after it.
    const after = new Uint8Array(8192);
    const { bytesRead: afterRead } = await handle.read(after, 0, after.length, tagEnd);
    return detectAudioFormat(probe, after.subarray(0, afterRead));
  } catch (error) {
    throw toFileAccessError(error, path);
  } finally {
    await handle.close();
  }
}

/** The format to decode, or the one-line reason the file can't be imported. */
function importableFormat(format: AudioFormat, name: string): ImportedFormat {
  const mono = (channelCount: number): never => {
    throw new AudioInputError(
      `${name} has ${channelCount} channel${channelCount === 1 ? '' : 's'}; Attune needs a stereo recording with the agent on one channel and the customer on the other`,
      'not-stereo',
    );
  };
  switch (format.tag) {
    case 'wav':
      return 'wav';
    case 'mp3':
    case 'ogg-opus':
    case 'ogg-vorbis':
      if (format.channelCount < 2) mono(format.channelCount);
      return format.tag;
    case 'unsupported':
      throw new AudioInputError(`${name} is ${format.name}: ${format.advice}`, 'unsupported-encoding');
    case 'unknown':
      throw new AudioInputError(`${name} is not an audio file Attune can read (it imports WAV, MP3, Ogg Opus and Ogg Vorbis)`, 'not-wav');
    default: {
      const unreachable: never = format;
      throw new Error(`unhandled format ${JSON.stringify(unreachable)}`);
    }
  }
}

type ChannelTap = (agent: Float32Array, customer: Float32Array, sampleRateHz: number) => void;

/** The same metrics `attune analyze` computes: WAV through analyzeCallFile itself, the rest decoded into the same analysis. */
async function analyzeFile(path: string, format: ImportedFormat, agentChannel: AgentChannel, report: DecodeReport, tap: ChannelTap): Promise<CallMetrics> {
  if (format === 'wav') {
    const { file: _file, ...metrics } = await analyzeCallFile(path, { agentChannel, onChannels: tap });
    return metrics;
  }
  return analyzeCompressedFile(path, format, agentChannel, report, tap);
}

async function analyzeCompressedFile(path: string, format: CompressedFormat, agentChannel: AgentChannel, report: DecodeReport, tap: ChannelTap): Promise<CallMetrics> {
  const [agentIndex, customerIndex] = agentChannel === 'left' ? [0, 1] : [1, 0];
  let analysis: ReturnType<typeof createChannelPairAnalysis> | null = null;
  for await (const { sampleRateHz, channels } of decodeCompressedFile(path, format, report)) {
    const agent = channels[agentIndex];
    const customer = channels[customerIndex];
    if (agent === undefined || customer === undefined) {
      // The header said stereo; a decoder giving one channel means the stream disagrees with it.
      throw new AudioInputError(`${basename(path)} decodes to ${channels.length} channel; Attune needs a stereo recording`, 'not-stereo');
    }
    analysis ??= createChannelPairAnalysis(sampleRateHz);
    analysis.push(agent, customer);
    tap(agent, customer, sampleRateHz);
  }
  if (analysis === null) throw new AudioInputError(`${basename(path)} has no ${FORMAT_NAMES[format]} audio in it (0 s long)`, 'invalid-audio');
  return analysis.finish();
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  } catch (error) {
    throw toFileAccessError(error, path);
  }
  return hash.digest('hex');
}

/** One line for the person importing: AudioInputErrors are written for them; anything else is named as unexpected. */
function reasonOf(error: unknown): string {
  const message = error instanceof AudioInputError ? error.message : `could not be imported (${error instanceof Error ? error.message : String(error)})`;
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
