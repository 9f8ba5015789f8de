// Serves the built renderer (out/renderer) over http on 127.0.0.1 with the app's CSP header, because
// Chromium refuses module scripts from file:// (CORS) and the real app's CSP should be in force: the main
// policy for every page except recognizer.html, which gets the recognizer's own policy, as in the app.
// With `modelsDir`, files under it are served at /models/ (same origin, as attune-model: is in the app).
// /recordings/call/<id> is answered by the app's attune-recording: handler (Range requests included),
// over the library of the test running now (setRecordingLookup).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import {
  buildContentSecurityPolicy,
  buildRecognizerContentSecurityPolicy,
} from '../../../src/main/app/content-security-policy';
import { handleRecordingRequest, recordingUrl } from '../../../src/main/replay/recording-protocol';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface RendererServer {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  close(): Promise<void>;
}

export const RENDERER_DIR = resolve(__dirname, '../../../out/renderer');

let recordingLookup: (callId: number) => string | null = () => null;

/** Whose recordings /recordings/call/<id> serves: the current test's library (one test at a time per worker). */
export function setRecordingLookup(lookup: (callId: number) => string | null): void {
  recordingLookup = lookup;
}

export interface RendererServerOptions {
  /** A folder served at /models/ (model archives for the recognizer tests). */
  modelsDir?: string;
}

export async function startRendererServer(
  rootDir: string = RENDERER_DIR,
  options: RendererServerOptions = {},
): Promise<RendererServer> {
  const policy = buildContentSecurityPolicy();
  const recognizerPolicy = buildRecognizerContentSecurityPolicy();

  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const recording = /^\/recordings\/call\/(\d+)$/.exec(pathname);
      if (recording?.[1]) {
        const answer = await handleRecordingRequest(recordingLookup, {
          url: recordingUrl(Number(recording[1])),
          method: request.method ?? 'GET',
          range: request.headers.range ?? null,
        });
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        if (answer.body === null) response.end();
        else Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(response);
        return;
      }
      const underModels = options.modelsDir !== undefined && pathname.startsWith('/models/');
      const root = resolve(underModels && options.modelsDir !== undefined ? options.modelsDir : rootDir);
      const relativePath = pathname === '/' ? 'index.html' : pathname.slice(underModels ? '/models/'.length : 1);
      const filePath = normalize(join(root, relativePath));
      // Never serve anything outside out/renderer, whatever the URL says.
      if (filePath !== root && !filePath.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(filePath).catch(() => null);
      if (!info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'Content-Security-Policy': !underModels && relativePath === 'recognizer.html' ? recognizerPolicy : policy,
        'Cache-Control': 'no-store',
      });
      createReadStream(filePath).pipe(response);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    // Port 0: the OS picks a free port, so parallel workers never collide.
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}
