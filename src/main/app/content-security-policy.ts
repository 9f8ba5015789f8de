// The renderer's Content-Security-Policy, built in one place for the response header, the build-time
// check of index.html's meta tag, and the e2e server. Electron-free.

export interface CspOptions {
  /**
   * Vite's dev server injects inline scripts (React refresh preamble), inline styles (HMR CSS) and a
   * websocket, so dev relaxes exactly those three. Never true for a built app.
   */
  devServerOrigin?: string;
}

type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

function directives(options: CspOptions): Directives {
  const dev = options.devServerOrigin;
  const devWebSocket = dev === undefined ? [] : [dev.replace(/^http/, 'ws')];
  return [
    ['default-src', ["'self'"]],
    ['script-src', dev === undefined ? ["'self'"] : ["'self'", "'unsafe-inline'"]],
    // React's `style` props go through the CSSOM, which CSP does not restrict, so no 'unsafe-inline' here.
    ['style-src', dev === undefined ? ["'self'", WAVESURFER_STYLE_HASH] : ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    // The replay plays stored recordings from the app's attune-recording: protocol (<audio>, Range requests).
    ['media-src', ["'self'", RECORDING_MEDIA_SOURCE]],
    ['connect-src', ["'self'", ...devWebSocket]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

/** The scheme of src/main/replay/recording-protocol.ts (RECORDING_SCHEME), as a CSP source. */
export const RECORDING_MEDIA_SOURCE = 'attune-recording:';

/**
 * wavesurfer.js 7 puts one fixed <style> element in its waveform's shadow root. Rather than allowing
 * inline styles, the policy allows exactly that stylesheet by its hash; it depends on wavesurfer's
 * version (pinned in package.json) and on the replay's lane heights (LANE_HEIGHT_PX in
 * ReplayWaveform.tsx). The replay e2e test fails on any CSP report, so a drift is caught there.
 */
export const WAVESURFER_STYLE_HASH = "'sha256-XGW/cX2BkTPWNNT3NdyASrPEWZfPnKdPJaJ2aN7R+v8='";

function serialize(list: Directives): string {
  return list.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy sent as the `Content-Security-Policy` response header for the app's own pages. */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  return serialize(directives(options));
}

/**
 * The same policy for a `<meta http-equiv>` tag. `frame-ancestors` is dropped because browsers ignore
 * it (with a console warning) when delivered by meta; the header carries it.
 */
export function buildMetaContentSecurityPolicy(options: CspOptions = {}): string {
  return serialize(directives(options).filter(([name]) => name !== 'frame-ancestors'));
}

/**
 * The hidden recognizer page's policy, and only its: vosk-browser compiles its WASM with eval and runs
 * it in a worker started from a blob: URL, and the model arrives over the app's `attune-model:`
 * protocol. Everything else stays as strict as the main UI (no inline script, no remote content).
 */
function recognizerDirectives(options: CspOptions): Directives {
  const dev = options.devServerOrigin;
  const devWebSocket = dev === undefined ? [] : [dev.replace(/^http/, 'ws')];
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-eval'", 'blob:', ...(dev === undefined ? [] : ["'unsafe-inline'"])]],
    ['worker-src', ['blob:']],
    ['connect-src', ["'self'", 'attune-model:', ...devWebSocket]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

/** The recognizer page's `Content-Security-Policy` response header. */
export function buildRecognizerContentSecurityPolicy(options: CspOptions = {}): string {
  return serialize(recognizerDirectives(options));
}

/** The recognizer page's policy for its `<meta http-equiv>` tag (no `frame-ancestors`, as above). */
export function buildRecognizerMetaContentSecurityPolicy(options: CspOptions = {}): string {
  return serialize(recognizerDirectives(options).filter(([name]) => name !== 'frame-ancestors'));
}
