// `attune models`: the speech model service from the command line. The list goes to stdout (a table,
// or JSON); a download's progress goes to stderr, one line per tenth (or per 10 MB when the size is
// unknown) and per phase; every failure is the service's one line, exit 1. Ctrl-C stops a download and
// keeps what it fetched, exit 130.

import type { SpeechModelInfo } from '../../shared/transcription';
import type { Library } from '../library/library';
import { SOURCE_MANIFEST_PATH, loadModelManifest } from '../models/model-manifest';
import { createSpeechModelService, type SpeechModelService } from '../models/speech-model-service';
import type { CliIo } from './attune';
import type { ModelsAction } from './cli-args';

/** The shell's status for a command stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
/** Another model list instead of the one in the source tree (a mirror, a test server). */
export const MANIFEST_ENV = 'ATTUNE_MODEL_MANIFEST';

const MB = 1_000_000;

export async function runModelsCommand(action: ModelsAction, library: Library, io: CliIo): Promise<number> {
  const manifest = loadModelManifest(process.env[MANIFEST_ENV] || SOURCE_MANIFEST_PATH);
  const progressLines = progressPrinter(io);
  const service: SpeechModelService = createSpeechModelService({
    dataDir: library.dataDir,
    manifest,
    db: library.db,
    onChange: () => progressLines(service),
    logError: (message, error) => io.stderr.write(`attune: ${message}: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  switch (action.tag) {
    case 'list': {
      const models = await service.listModels();
      const selected = service.selectedModelId();
      io.stdout.write(action.json ? modelsJson(models, selected) : modelsTable(models, selected));
      return 0;
    }
    case 'download': {
      const hadChoice = service.selectedModelId() !== null;
      let stopped = false;
      void io.interrupted?.then(() => {
        stopped = true;
        service.cancelDownload();
      });
      const result = await service.download(action.modelId);
      if (!result.ok) return failure(io, result.error, stopped ? EXIT_INTERRUPTED : 1);
      if (result.warning) io.stderr.write(`attune: warning: ${result.warning}\n`);
      const how = result.verified ? 'sha256 verified' : 'not verified';
      io.stdout.write(`installed ${result.modelId} (${how})${chosenNote(service, result.modelId, hadChoice)}\n`);
      return 0;
    }
    case 'import': {
      const hadChoice = service.selectedModelId() !== null;
      const result = await service.importFrom(action.path);
      if (!result.ok) return failure(io, result.error, 1);
      io.stdout.write(`imported ${result.modelId}${chosenNote(service, result.modelId, hadChoice)}\n`);
      return 0;
    }
    case 'use': {
      const result = await service.select(action.modelId);
      if (!result.ok) return failure(io, result.error, 1);
      io.stdout.write(`${action.modelId} is now the speech model for transcripts\n`);
      return 0;
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unhandled models action ${JSON.stringify(unreachable)}`);
    }
  }
}

function failure(io: CliIo, message: string, exitCode: number): number {
  io.stderr.write(`attune: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  return exitCode;
}

function chosenNote(service: SpeechModelService, modelId: string, hadChoice: boolean): string {
  return !hadChoice && service.selectedModelId() === modelId ? ', chosen for transcripts' : '';
}

/** One stderr line per phase and per tenth of the download (per 10 MB when its size is unknown). */
function progressPrinter(io: CliIo): (service: SpeechModelService) => void {
  let lastKey = '';
  return (service) => {
    const progress = service.downloadProgress();
    if (!progress) return;
    const { phase, receivedBytes, totalBytes } = progress;
    // Nothing to show before the first byte (a request that fails at once prints only its error).
    if (phase !== 'verifying' && receivedBytes === 0) return;
    const step = totalBytes ? Math.floor((receivedBytes / totalBytes) * 10) : Math.floor(receivedBytes / (10 * MB));
    const key = `${phase}:${step}`;
    if (key === lastKey) return;
    lastKey = key;
    const amount = totalBytes
      ? `${(receivedBytes / MB).toFixed(1)} of ${(totalBytes / MB).toFixed(1)} MB (${Math.floor((receivedBytes / totalBytes) * 100)}%)`
      : `${(receivedBytes / MB).toFixed(1)} MB`;
    io.stderr.write(`attune: ${phase} ${progress.modelId}: ${phase === 'verifying' ? `sha256 of ${(receivedBytes / MB).toFixed(1)} MB` : amount}\n`);
  };
}

export function modelsJson(models: readonly SpeechModelInfo[], selected: string | null): string {
  return `${JSON.stringify({
    selected,
    models: models.map((model) => ({
      id: model.id,
      name: model.name,
      language: model.language,
      state: model.state,
      selected: model.id === selected,
      downloadable: model.downloadable,
      approxSizeMb: model.approxSizeMb,
      checksumKnown: model.checksumKnown,
      problem: model.problem,
    })),
  })}\n`;
}

export function modelsTable(models: readonly SpeechModelInfo[], selected: string | null): string {
  const rows = models.map((model) => [
    model.id === selected ? '*' : ' ',
    model.id,
    model.name,
    model.state,
    model.approxSizeMb === null ? '-' : `${model.approxSizeMb} MB`,
    model.downloadable ? (model.checksumKnown ? 'sha256' : 'no checksum') : 'imported',
  ]);
  const header = [' ', 'ID', 'NAME', 'STATE', 'SIZE', 'SOURCE'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const problems = models.filter((model) => model.problem).map((model) => `  ${model.id}: ${model.problem}`);
  const footer = selected === null ? 'No model is chosen: transcripts are off (attune models use <id>).' : '* the model transcripts are made with';
  return [line(header), ...rows.map(line), '', ...(problems.length > 0 ? ['Problems:', ...problems, ''] : []), footer, ''].join('\n');
}
