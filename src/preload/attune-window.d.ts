// Declares the `window.attune` global the preload exposes, for the renderer's type-check.

import type { AttuneBridge } from '../shared/ipc-contract';

declare global {
  interface Window {
    readonly attune: AttuneBridge;
  }
}

export {};
