// Loads a Vosk model with vosk-browser. Its createModel() never settles when loading fails (it only
// listens for 'load'), so this builds the Model itself, listens for both 'load' and 'error', and gives
// up after a timeout, which is also what catches a worker that dies without a word.

import { Model } from 'vosk-browser';
import { modelLoadErrorMessage } from '../../../shared/recognizer-protocol';
import type { LoadedModel } from './recognizer-session';

export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/** Kaldi's log level: warnings and errors only, so a call does not fill the console. */
const VOSK_LOG_LEVEL = -1;

/**
 * Stops the model's worker outright. vosk-browser's own terminate() asks the worker to delete a model
 * that, after a failed load, does not exist, so the worker would live on holding its WASM heap.
 */
function stopWorker(model: Model): void {
  const worker = (model as unknown as { worker?: Worker }).worker;
  worker?.terminate();
}

export function loadModel(url: string, timeoutMs: number): Promise<LoadedModel> {
  // The worker runs from a blob: URL, so a relative URL would resolve against nothing useful.
  const absoluteUrl = new URL(url, window.location.href).href;
  return new Promise<LoadedModel>((resolve, reject) => {
    let settled = false;
    let model: Model | undefined;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (model) stopWorker(model);
      reject(new ModelLoadError(modelLoadErrorMessage(url, reason)));
    };
    const timer = setTimeout(() => {
      fail(`no answer within ${Math.round(timeoutMs / 100) / 10} s (missing, partial or corrupt archive?)`);
    }, timeoutMs);
    try {
      model = new Model(absoluteUrl, VOSK_LOG_LEVEL);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return;
    }
    const loaded = model;
    loaded.on('load', (message) => {
      if (settled) return;
      if ('result' in message && message.result) {
        settled = true;
        clearTimeout(timer);
        resolve(loaded);
      } else {
        fail('Vosk could not open it');
      }
    });
    loaded.on('error', (message) => {
      // Vosk's unpacker and model reader throw bare values, so its message is often empty (the detail
      // goes to the worker's console only).
      const reason =
        'error' in message && typeof message.error === 'string' && message.error !== ''
          ? message.error
          : 'Vosk could not unpack or read it (a partial or corrupt archive, or not a Vosk model)';
      fail(reason);
    });
  });
}
