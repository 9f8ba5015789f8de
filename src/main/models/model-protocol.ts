// What the `attune-model:` protocol answers, Electron-free: the composition root registers the scheme
// as privileged and hands each request to handleModelRequest (protocol.handle('attune-model', (request)
// => handleModelRequest(dataDir, request.url, request.method))). Only installed, complete models are
// served, as the tar.gz vosk-browser loads, packed on the fly from <dataDir>/models/<id>/.

import { Readable } from 'node:stream';
import { packModelFolder } from './model-archive';
import { findModel } from './model-store';

export const MODEL_SCHEME = 'attune-model';

const MODEL_PATH = /^\/([A-Za-z0-9][A-Za-z0-9._-]*)\/model\.tar\.gz$/;

/** The URL the recognizer is given for an installed model. */
export function modelUrl(id: string): string {
  return `${MODEL_SCHEME}://library/${encodeURIComponent(id)}/model.tar.gz`;
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function handleModelRequest(dataDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET') return refuse(405, 'Only GET is served.');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'Not a model URL.');
  }
  const match = MODEL_PATH.exec(decodeURIComponent(url.pathname));
  if (url.protocol !== `${MODEL_SCHEME}:` || url.host !== 'library' || !match?.[1]) {
    return refuse(400, `Not a model URL: ${requestUrl}`);
  }
  const status = await findModel(dataDir, match[1]);
  switch (status.state) {
    case 'missing':
    case 'partial':
      return refuse(404, status.reason);
    case 'ready':
      return new Response(Readable.toWeb(packModelFolder(status.path)) as ReadableStream<Uint8Array>, {
        status: 200,
        headers: {
          'Content-Type': 'application/gzip',
          // The recognizer's worker runs from a blob: URL, so its fetch is cross-origin to this scheme.
          'Access-Control-Allow-Origin': '*',
          'Cache-Control': 'no-store',
        },
      });
    default: {
      const unreachable: never = status;
      throw new Error(`unhandled model state ${JSON.stringify(unreachable)}`);
    }
  }
}
