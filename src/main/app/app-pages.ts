// Where the renderer's pages live (built files or the dev server) and which URLs count as "ours".
// Electron-free so the trust decision can be unit-tested.

import { relative, isAbsolute } from 'node:path';
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
