// Prints an exported report's HTML to PDF with Chromium (webContents.printToPDF) in a hidden window:
// JavaScript off, sandboxed, its own in-memory session, no preload. The report is self-contained (its
// own CSP forbids scripts and external resources), so nothing but the file itself is loaded. It goes
// through a temporary file rather than a data: URL, whose length Chromium limits (long transcripts).

import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A4 with half-inch margins; backgrounds kept so the signal colours and speaker colours print. */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'attune-report-'));
  const window = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1400,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'attune-report-print', spellcheck: false },
  });
  try {
    const file = join(folder, 'report.html');
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 } });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
