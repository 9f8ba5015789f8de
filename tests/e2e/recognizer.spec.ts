// The hidden recognizer page in Chromium, under the CSP the app sends it: vosk-browser's real WASM
// starts there (its blob: worker runs and compiles), while the main UI's policy still refuses eval; and
// a missing, truncated or corrupt model archive ends in the designed error, within the load timeout.
// No Vosk model can be downloaded on this machine, so the success path with a real model is not here.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test as base, expect, type Page } from '@playwright/test';
import { buffer } from 'node:stream/consumers';
import { packModelFolder } from '../../src/main/models/model-archive';
import { startRendererServer } from './harness/renderer-server';
import { RECOGNIZER_PORT_HANDSHAKE, modelLoadErrorMessage } from '../../src/shared/recognizer-protocol';

interface Served {
  url: string;
}

const test = base.extend<Record<never, never>, { served: Served }>({
  served: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => {
      const modelsDir = await mkdtemp(join(tmpdir(), 'attune-e2e-models-'));
      await writeModelArchives(modelsDir);
      const server = await startRendererServer(undefined, { modelsDir });
      await use({ url: server.url });
      await server.close();
      await rm(modelsDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

/** One ustar header block for a regular file (enough of the format for a real tar reader). */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(size.toString(8).padStart(11, '0') + '\0', 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return header;
}

/** A gzipped tar shaped like a Vosk model folder (conf/model.conf and am/final.mdl with junk). */
function modelLikeArchive(): Buffer {
  const files: Array<[string, Buffer]> = [
    ['model/conf/model.conf', Buffer.from('--sample-frequency=16000\n')],
    ['model/am/final.mdl', Buffer.alloc(64 * 1024, 7)],
  ];
  const blocks: Buffer[] = [];
  for (const [name, body] of files) {
    blocks.push(tarHeader(name, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

async function writeModelArchives(dir: string): Promise<void> {
  const whole = modelLikeArchive();
  // Cut mid-stream, as an interrupted download leaves it.
  await writeFile(join(dir, 'truncated.tar.gz'), whole.subarray(0, Math.floor(whole.length / 3)));
  // Not an archive at all: a few bytes, then a zip signature followed by garbage.
  const garbage = Buffer.alloc(4096);
  for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 251;
  await writeFile(join(dir, 'corrupt.tar.gz'), Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage]));
  // A well-formed archive, packed the way the app serves installed models, of a folder with the Vosk
  // layout but junk in its files: it unpacks, and then Vosk cannot read the model.
  const folder = join(dir, 'junk-model');
  for (const [name, body] of [
    ['am/final.mdl', garbage],
    ['conf/model.conf', Buffer.from('--sample-frequency=16000\n')],
    ['conf/mfcc.conf', Buffer.from('--use-energy=false\n')],
    ['graph/HCLr.fst', garbage],
    ['graph/Gr.fst', garbage],
  ] as const) {
    await mkdir(dirname(join(folder, name)), { recursive: true });
    await writeFile(join(folder, name), body);
  }
  await writeFile(join(dir, 'unusable.tar.gz'), await buffer(packModelFolder(folder)));
}

/** Console lines about CSP, collected per page: any of them means a policy blocked something. */
function watchCsp(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval|CompileError/i.test(message.text())) lines.push(message.text());
  });
  return lines;
}

/** What the page-side code below uses (the test project has no DOM lib, so reach it via globalThis). */
interface PagePort {
  onmessage: ((message: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}
interface PageGlobals {
  WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> };
  MessageChannel: new () => { port1: PagePort; port2: unknown };
  location: { origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
}

/**
 * Whether eval-like code and WebAssembly compilation are allowed on the page. The checks run from a
 * timer, not inside page.evaluate itself: DevTools' evaluate is exempt from the page's eval policy, a
 * timer callback is not.
 */
async function evalAllowed(page: Page): Promise<{ newFunction: string; wasm: string }> {
  return page.evaluate(
    () =>
      new Promise<{ newFunction: string; wasm: string }>((resolve) => {
        setTimeout(() => {
          let newFunction: string;
          try {
            // eslint-disable-next-line @typescript-eslint/no-implied-eval -- eval being refused is what is tested.
            newFunction = String((new Function('return 1') as () => number)());
          } catch (error) {
            newFunction = `blocked: ${String(error)}`;
          }
          // The smallest valid module: magic number and version.
          (globalThis as unknown as PageGlobals).WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
            () => resolve({ newFunction, wasm: 'compiled' }),
            (error: unknown) => resolve({ newFunction, wasm: `blocked: ${String(error)}` }),
          );
        }, 0);
      }),
  );
}

/** Connects to the recognizer page as its host does and sends load-model; resolves with the first answer. */
async function loadModelOnPage(page: Page, url: string, timeoutMs: number): Promise<{ event: unknown; elapsedMs: number }> {
  return page.evaluate(
    ({ handshake, modelUrl, loadTimeoutMs }) =>
      new Promise<{ event: unknown; elapsedMs: number }>((resolve) => {
        const page = globalThis as unknown as PageGlobals;
        const channel = new page.MessageChannel();
        const startedAt = performance.now();
        channel.port1.onmessage = (message) => resolve({ event: message.data, elapsedMs: performance.now() - startedAt });
        page.postMessage(handshake, page.location.origin, [channel.port2]);
        channel.port1.postMessage({ type: 'load-model', url: modelUrl, timeoutMs: loadTimeoutMs });
      }),
    { handshake: RECOGNIZER_PORT_HANDSHAKE, modelUrl: url, loadTimeoutMs: timeoutMs },
  );
}

test('the main UI refuses eval and WebAssembly compilation; the recognizer page allows both', async ({ page, served }) => {
  await page.goto(served.url);
  const main = await evalAllowed(page);
  expect(main.newFunction).toMatch(/^blocked: EvalError/);
  expect(main.wasm).toMatch(/^blocked: CompileError/);

  await page.goto(`${served.url}recognizer.html`);
  const recognizer = await evalAllowed(page);
  expect(recognizer).toEqual({ newFunction: '1', wasm: 'compiled' });
});

test("vosk-browser's WASM starts in its blob: worker under the recognizer's CSP", async ({ page, served }) => {
  const cspLines = watchCsp(page);
  await page.goto(`${served.url}recognizer.html`);
  const worker = page.waitForEvent('worker');
  // A model URL that does not exist: the worker has to start, compile Vosk's WASM and run its own
  // download code before it can find that out, so an answer from that code proves the WASM ran.
  const url = `${served.url}models/missing.tar.gz`;
  const { event } = await loadModelOnPage(page, url, 20_000);
  expect(event).toMatchObject({ type: 'error' });
  const message = (event as { message: string }).message;
  expect((await worker).url()).toMatch(/^blob:/);
  // vosk-browser's download code (in the WASM glue) answered, not the load timeout, not a CSP refusal.
  expect(message).toBe(modelLoadErrorMessage(url, 'HTTP error! status: 404'));
  expect(message).not.toMatch(/no answer within/);
  expect(message).not.toMatch(/CompileError|unsafe-eval|Content Security Policy/i);
  expect(cspLines).toEqual([]);
});

const UNREADABLE = 'Vosk could not unpack or read it (a partial or corrupt archive, or not a Vosk model)';

const BAD_MODELS = [
  { what: 'a missing model URL', file: 'missing.tar.gz', reason: 'HTTP error! status: 404' },
  { what: 'a truncated archive', file: 'truncated.tar.gz', reason: UNREADABLE },
  { what: 'a corrupt archive', file: 'corrupt.tar.gz', reason: UNREADABLE },
] as const;

const LOAD_TIMEOUT_MS = 8_000;

for (const { what, file, reason } of BAD_MODELS) {
  test(`${what} ends in the designed error within the load timeout`, async ({ page, served }) => {
    const cspLines = watchCsp(page);
    await page.goto(`${served.url}recognizer.html`);
    const url = `${served.url}models/${file}`;
    const { event, elapsedMs } = await loadModelOnPage(page, url, LOAD_TIMEOUT_MS);
    expect(event).toEqual({ type: 'error', message: modelLoadErrorMessage(url, reason) });
    // The timeout plus a little for the message to cross.
    expect(elapsedMs).toBeLessThan(LOAD_TIMEOUT_MS + 2_000);
    expect(cspLines).toEqual([]);
  });
}

test("an installed model folder, packed as the app serves it, unpacks in vosk-browser; junk in it ends in the designed error", async ({ page, served }) => {
  const workerLines: string[] = [];
  page.on('worker', (worker) => worker.on('console', (message) => workerLines.push(message.text())));
  await page.goto(`${served.url}recognizer.html`);
  const url = `${served.url}models/unusable.tar.gz`;
  const { event, elapsedMs } = await loadModelOnPage(page, url, LOAD_TIMEOUT_MS);
  // vosk-browser's unpacker (it logs each entry) took every folder and file of the packed archive ...
  for (const entry of ['model/am/', 'model/am/final.mdl', 'model/conf/mfcc.conf', 'model/conf/model.conf', 'model/graph/Gr.fst', 'model/graph/HCLr.fst']) {
    expect(workerLines.some((line) => line.startsWith(`${entry} -> /vosk/`))).toBe(true);
  }
  // ... and got past its IndexedDB sync to Kaldi reading the model's configuration, which it rejects.
  expect(workerLines.some((line) => /Failed to sync file system/.test(line))).toBe(false);
  expect(workerLines.some((line) => line.startsWith('  --endpoint.rule1.min-trailing-silence'))).toBe(true);
  expect(event).toEqual({
    type: 'error',
    message: modelLoadErrorMessage(url, UNREADABLE),
  });
  expect(elapsedMs).toBeLessThan(LOAD_TIMEOUT_MS);
});

test('a model that never arrives ends in the timeout error, not a hang', async ({ page, context, served }) => {
  // The request is held open forever, as a stalled download is; only the timeout can end the load.
  await context.route('**/models/stalled.tar.gz', () => undefined);
  await page.goto(`${served.url}recognizer.html`);
  const url = `${served.url}models/stalled.tar.gz`;
  const { event, elapsedMs } = await loadModelOnPage(page, url, 3_000);
  expect(event).toEqual({
    type: 'error',
    message: modelLoadErrorMessage(url, 'no answer within 3 s (missing, partial or corrupt archive?)'),
  });
  expect(elapsedMs).toBeGreaterThanOrEqual(2_900);
  expect(elapsedMs).toBeLessThan(5_000);
});
