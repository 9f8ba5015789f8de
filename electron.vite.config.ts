// electron-vite build of the three bundles: main (Node, CJS), preload (sandboxed, CJS), renderer (React).

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { buildMetaContentSecurityPolicy } from './src/main/app/content-security-policy';

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;

/**
 * index.html carries the production CSP literally (readable, and in force even if the header is
 * missing). This plugin fails the build if it drifts from the policy main sends as a header, and in
 * dev swaps in the relaxed policy Vite's inline HMR scripts need.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'attune:csp-meta',
    transformIndexHtml(html, context) {
      const match = CSP_META.exec(html);
      if (!match?.[1]) throw new Error(`${context.filename} must contain a Content-Security-Policy meta tag`);
      if (context.server) {
        // Same origin main trusts in dev (ELECTRON_RENDERER_URL points at this server).
        const origin = new URL(context.server.resolvedUrls?.local[0] ?? 'http://localhost:5173/').origin;
        return html.replace(match[1], buildMetaContentSecurityPolicy({ devServerOrigin: origin }));
      }
      const expected = buildMetaContentSecurityPolicy();
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
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      // Two pages: the main window and the overlay window (same CSP, checked by the plugin above).
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html'), overlay: resolve(__dirname, 'src/renderer/overlay.html') },
      },
    },
  },
});
