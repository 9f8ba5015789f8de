// Where the renderer's pages live (built files or the dev server) and which URLs count as "ours".
// Electron-free so the trust decision can be unit-tested.

import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppPages =
  | { tag: 'builtFiles'; rendererDir: string; indexHtmlPath: string }
  | { tag: 'devServer'; url: string; origin: string };

export function builtFilesPages(rendererDir: string, indexHtmlPath: string): AppPages {
  return { tag: 'builtFiles', rendererDir, indexHtmlPath };
}

export function devServerPages(url: string): AppPages {
  return { tag: 'devServer', url, origin: new URL(url).origin };
}

/**
 * The renderer's pages: the main window's, the overlay's and the hidden speech recognizer's
 * (electron.vite.config.ts builds all three).
 */
export type AppPageName = 'index' | 'overlay' | 'recognizer';

export type PageLocation = { tag: 'file'; path: string } | { tag: 'url'; url: string };

/** Where a window loads `page` from: a built file, or the dev server. */
export function pageLocation(pages: AppPages, page: AppPageName): PageLocation {
  switch (pages.tag) {
    case 'builtFiles':
      return { tag: 'file', path: page === 'index' ? pages.indexHtmlPath : join(pages.rendererDir, `${page}.html`) };
    case 'devServer':
      return { tag: 'url', url: page === 'index' ? pages.url : new URL(`${page}.html`, pages.url).toString() };
    default: {
      const unreachable: never = pages;
      throw new Error(`unknown app pages ${JSON.stringify(unreachable)}`);
    }
  }
}

/** True for URLs of the app's own renderer files; false for everything else, including malformed URLs. */
export function isAppPageUrl(url: string, pages: AppPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (pages.tag) {
    case 'devServer':
      return parsed.origin === pages.origin;
    case 'builtFiles': {
      if (parsed.protocol !== 'file:') return false;
      const inside = relative(pages.rendererDir, fileURLToPath(parsed));
      return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
    }
    default: {
      const unreachable: never = pages;
      throw new Error(`unknown app pages ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * True for the recognizer page. It is one of the app's files, but it runs vosk-browser under a looser
 * CSP and talks only over its message port, so it is never a trusted IPC sender.
 */
export function isRecognizerPageUrl(url: string, pages: AppPages): boolean {
  if (!isAppPageUrl(url, pages)) return false;
  const parsed = new URL(url);
  return parsed.pathname.endsWith('/recognizer.html');
}

/** Who may call main over IPC: the app's own pages, except the recognizer. */
export function isTrustedSenderPageUrl(url: string, pages: AppPages): boolean {
  return isAppPageUrl(url, pages) && !isRecognizerPageUrl(url, pages);
}
