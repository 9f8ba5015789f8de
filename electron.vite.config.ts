// electron-vite build of the three bundles: main (Node, CJS), preloads (sandboxed, CJS), renderer (React).

import { basename, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import {
  buildMetaContentSecurityPolicy,
  buildRecognizerMetaContentSecurityPolicy,
  type CspOptions,
} from './src/main/app/content-security-policy';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;

/**
 * index.html carries the production CSP literally (readable, and in force even if the header is
 * missing). This plugin fails the build if it drifts from the policy main sends as a header, and in
 * dev swaps in the relaxed policy Vite's inline HMR scripts need. recognizer.html has its own, second
 * policy (vosk-browser's WASM needs 'unsafe-eval' and a blob: worker); every other page gets the main one.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'attune:csp-meta',
    transformIndexHtml(html, context) {
      const match = CSP_META.exec(html);
      if (!match?.[1]) throw new Error(`${context.filename} must contain a Content-Security-Policy meta tag`);
      const build = (options?: CspOptions): string =>
        basename(context.filename) === 'recognizer.html'
          ? buildRecognizerMetaContentSecurityPolicy(options)
          : buildMetaContentSecurityPolicy(options);
      if (context.server) {
        // Same origin main trusts in dev (ELECTRON_RENDERER_URL points at this server).
        const origin = new URL(context.server.resolvedUrls?.local[0] ?? 'http://localhost:5173/').origin;
        return html.replace(match[1], build({ devServerOrigin: origin }));
      }
      const expected = build();
      if (match[1] !== expected) {
        throw new Error(`${context.filename} CSP is out of date.\n  found:    ${match[1]}\n  expected: ${expected}`);
      }
      return html;
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // wavefile, zod and fft.js are `dependencies`, loaded from node_modules at runtime.
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`, so everything else must be bundled into it.
      externalizeDeps: false,
      rolldownOptions: {
        // The app windows' preload, and the hidden recognizer windows' own (it only hands on a port).
        input: { index: resolve(__dirname, 'src/preload/index.ts'), recognizer: resolve(__dirname, 'src/preload/recognizer.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      // Three pages: the main window and the overlay window (same CSP), and the hidden speech recognizer
      // (its own CSP); the plugin above checks each.
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          overlay: resolve(__dirname, 'src/renderer/overlay.html'),
          recognizer: resolve(__dirname, 'src/renderer/recognizer.html'),
        },
      },
    },
  },
});
