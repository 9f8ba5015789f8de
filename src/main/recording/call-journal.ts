// The journal beside a recording: one JSON object per line, appended as the call goes, so a call
// killed mid-way can be stored with what the agent saw and wrote. The first line says who and when.

import type { CallNote, ShownCard } from '../../shared/calls';
import type { CaptureChannel, CaptureProblemKind } from '../../shared/live';

export type JournalEntry =
  | { type: 'header'; agentName: string; startedAt: string; pid: number }
  | { type: 'card'; atMs: number; card: ShownCard['card'] }
  | { type: 'note'; atMs: number; text: string; createdAt: string }
  | { type: 'captureProblem'; atMs: number; channel: CaptureChannel | null; problem: CaptureProblemKind; message: string };

export interface JournalContents {
  agentName: string | null;
  startedAt: string | null;
  cards: ShownCard[];
  notes: CallNote[];
}

export function journalLine(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * Reads a journal's text. Lines that do not parse (the last one, cut by a crash) are skipped, so a
 * damaged journal yields what it can instead of nothing.
 */
export function parseJournal(text: string): JournalContents {
  const contents: JournalContents = { agentName: null, startedAt: null, cards: [], notes: [] };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof entry !== 'object' || entry === null || !('type' in entry)) continue;
    const record = entry as Record<string, unknown>;
    switch (record['type']) {
      case 'header':
        if (typeof record['agentName'] === 'string') contents.agentName = record['agentName'];
        if (typeof record['startedAt'] === 'string') contents.startedAt = record['startedAt'];
        break;
      case 'card': {
        const card = record['card'] as Record<string, unknown> | undefined;
        if (typeof record['atMs'] === 'number' && card && typeof card['title'] === 'string' && typeof card['detail'] === 'string' && typeof card['kind'] === 'string') {
          contents.cards.push({ atMs: record['atMs'], card: card as unknown as ShownCard['card'] });
        }
        break;
      }
      case 'note':
        if (typeof record['atMs'] === 'number' && typeof record['text'] === 'string' && typeof record['createdAt'] === 'string') {
          contents.notes.push({ atMs: record['atMs'], text: record['text'], createdAt: record['createdAt'] });
        }
        break;
      default:
        // Capture problems and future entry types are kept in the journal for the record only.
        break;
    }
  }
  return contents;
}
