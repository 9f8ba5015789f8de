// The moments of a stored call that the agent saw or made live: the cues the overlay showed and the
// marks and notes taken, merged in time order with the words people read for them. Pure, so the
// timeline markers and the list below it cannot disagree.

import type { CallNote, ShownCard } from '../../../shared/calls';
import { assertNever } from './assert-never';
import { formatClock } from './format';

export type CallMoment =
  | { kind: 'cue'; atMs: number; cardKind: ShownCard['card']['kind']; title: string; detail: string }
  | { kind: 'note'; atMs: number; text: string };

/** Cues and notes by time; at the same moment a cue comes first (it prompted whatever was noted). */
export function callMoments(cards: readonly ShownCard[], notes: readonly CallNote[]): CallMoment[] {
  const moments: CallMoment[] = [
    ...cards.map((shown): CallMoment => ({ kind: 'cue', atMs: shown.atMs, cardKind: shown.card.kind, title: shown.card.title, detail: shown.card.detail })),
    ...notes.map((note): CallMoment => ({ kind: 'note', atMs: note.atMs, text: note.text })),
  ];
  const order = (moment: CallMoment): number => (moment.kind === 'cue' ? 0 : 1);
  // Array.prototype.sort is stable, so notes taken at the same moment keep the order they were written.
  return moments.sort((a, b) => a.atMs - b.atMs || order(a) - order(b));
}

/** What the moment says, without its time: the cue's title, or the note ("Marked moment" when empty). */
export function momentText(moment: CallMoment): string {
  switch (moment.kind) {
    case 'cue':
      return moment.title;
    case 'note':
      return moment.text.trim() === '' ? 'Marked moment (no note)' : moment.text;
    default:
      return assertNever(moment);
  }
}

/** The accessible name of a timeline marker: `Note at 1:05: asked about the refund`. */
export function momentLabel(moment: CallMoment): string {
  const what = moment.kind === 'cue' ? 'Cue shown' : 'Note';
  return `${what} at ${formatClock(moment.atMs)}: ${momentText(moment)}`;
}
