// Access to the preload's `window.attune`, failing loudly if the page runs without it.

import type { AttuneBridge } from '../../../shared/ipc-contract';

export function attuneBridge(): AttuneBridge {
  // Outside Electron (or with a broken preload) the bridge is absent; say so instead of a TypeError.
  if (typeof window.attune !== 'object' || window.attune === null) {
    throw new Error('Attune is not connected to its background process. Please restart the app.');
  }
  return window.attune;
}
