// Simulates dragging a file from the desktop onto the app window: dragenter, dragover, drop.

import type { Page } from '@playwright/test';

/** The page-side globals used below, typed locally because the test project has no DOM lib. */
interface DragGlobals {
  DataTransfer: new () => { items: { add(file: File): unknown } };
}

/** Creates a DataTransfer holding one (content-free) file named `fileName`. */
async function fileTransfer(page: Page, fileName: string) {
  return page.evaluateHandle((name) => {
    const { DataTransfer } = globalThis as unknown as DragGlobals;
    const transfer = new DataTransfer();
    // Only the name matters: the harness's pathForDroppedFile maps it to a real file in dropDir.
    transfer.items.add(new File([new Uint8Array(44)], name, { type: 'audio/wav' }));
    return transfer;
  }, fileName);
}

/** Starts a drag of `fileName` over the window (the overlay should appear). Returns the transfer for `dropFile`. */
export async function dragFileOver(page: Page, fileName: string) {
  const dataTransfer = await fileTransfer(page, fileName);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  return dataTransfer;
}

/** Drags `fileName` over the window and drops it. */
export async function dropFile(page: Page, fileName: string): Promise<void> {
  const dataTransfer = await dragFileOver(page, fileName);
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}
