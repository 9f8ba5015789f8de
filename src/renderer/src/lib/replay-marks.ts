// What the replay draws over the waveform, from the stored call: each speaker's speech regions (in
// their own lane), interruptions both ways, backchannels, dead air, cards shown live, notes and
// annotations. Pure, so the waveform and its legend and tests agree on what is there.

import type { Annotation } from '../../../shared/annotations';
import type { Speaker } from '../../../shared/call-analysis';
import type { StoredCall } from '../../../shared/calls';
import { formatClock, formatDuration } from './format';

export type ReplayMarkKind = 'speech' | 'interruption' | 'backchannel' | 'dead-air' | 'card' | 'note' | 'annotation';

export interface ReplayMark {
  kind: ReplayMarkKind;
  /** The lane: 0 agent, 1 customer; null across both (dead air, cards, notes, annotations). */
  lane: 0 | 1 | null;
  startMs: number;
  /** Equal to startMs for a point in time. */
  endMs: number;
  /** What a hover or a screen reader says: "Customer interrupted at 1:05". */
  label: string;
}

export const SPEAKER_LANE: Readonly<Record<Speaker, 0 | 1>> = { agent: 0, customer: 1 };
const SPEAKER_NAME: Readonly<Record<Speaker, string>> = { agent: 'Agent', customer: 'Customer' };

export function replayMarks(call: Pick<StoredCall, 'metrics' | 'cards' | 'notes'>, annotations: readonly Annotation[] = []): ReplayMark[] {
  const { metrics } = call;
  const marks: ReplayMark[] = [];
  for (const speaker of ['agent', 'customer'] as const) {
    for (const [startMs, endMs] of metrics[speaker].segments) {
      marks.push({ kind: 'speech', lane: SPEAKER_LANE[speaker], startMs, endMs, label: `${SPEAKER_NAME[speaker]} speaking ${formatClock(startMs)}–${formatClock(endMs)}` });
    }
  }
  for (const interruption of metrics.interruptions) {
    marks.push({
      kind: 'interruption',
      lane: SPEAKER_LANE[interruption.by],
      startMs: interruption.atMs,
      endMs: interruption.atMs,
      label: `${SPEAKER_NAME[interruption.by]} interrupted at ${formatClock(interruption.atMs)}`,
    });
  }
  for (const backchannel of metrics.backchannels) {
    marks.push({
      kind: 'backchannel',
      lane: SPEAKER_LANE[backchannel.by],
      startMs: backchannel.atMs,
      endMs: backchannel.atMs,
      label: `${SPEAKER_NAME[backchannel.by]} backchannel ("mm-hm") at ${formatClock(backchannel.atMs)}`,
    });
  }
  for (const gap of metrics.deadAir) {
    marks.push({ kind: 'dead-air', lane: null, startMs: gap.atMs, endMs: gap.atMs + gap.durationMs, label: `Dead air at ${formatClock(gap.atMs)} for ${formatDuration(gap.durationMs)}` });
  }
  for (const shown of call.cards) {
    marks.push({ kind: 'card', lane: null, startMs: shown.atMs, endMs: shown.atMs, label: `Card shown live at ${formatClock(shown.atMs)}: ${shown.card.title}` });
  }
  for (const note of call.notes) {
    const text = note.text.trim() === '' ? 'marked moment' : note.text;
    marks.push({ kind: 'note', lane: null, startMs: note.atMs, endMs: note.atMs, label: `Note taken live at ${formatClock(note.atMs)}: ${text}` });
  }
  marks.push(...annotationMarks(annotations));
  return marks.sort((a, b) => a.startMs - b.startMs);
}

/** The annotations' marks alone, in time order (they change while the call's own marks do not). */
export function annotationMarks(annotations: readonly Annotation[]): ReplayMark[] {
  return annotations
    .map((annotation): ReplayMark => {
      const what = annotation.text.trim() === '' ? annotation.tags.join(', ') : annotation.text;
      return {
        kind: 'annotation',
        lane: null,
        startMs: annotation.startMs,
        endMs: annotation.endMs ?? annotation.startMs,
        label: `Annotation by ${annotation.author} at ${formatClock(annotation.startMs)}: ${what}`,
      };
    })
    .sort((a, b) => a.startMs - b.startMs);
}

/** Index of the word being spoken at `atMs` (the last word started at or before it), or -1. */
export function currentWordIndex(words: readonly { startMs: number; endMs: number }[], atMs: number): number {
  let low = 0;
  let high = words.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const word = words[middle];
    if (word !== undefined && word.startMs <= atMs) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
