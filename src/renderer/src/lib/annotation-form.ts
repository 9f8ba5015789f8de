// The annotation form's rules, kept out of the component so they can be tested: where a new note goes
// (the selected range, else the playhead), how that place reads, tag chips toggled and typed, and the
// one message that says why a draft cannot be saved yet (main checks the same limits).

import {
  ANNOTATION_TAG_LIST_MAX,
  ANNOTATION_TAG_MAX_CHARS,
  ANNOTATION_TAGS_MAX,
  ANNOTATION_TEXT_MAX_CHARS,
  normalizeTags,
  type Annotation,
} from '../../../shared/annotations';
import { formatClock } from './format';

/** A note at one moment (endMs null) or over a range. */
export interface AnnotationPlace {
  startMs: number;
  endMs: number | null;
}

export interface AnnotationDraft {
  place: AnnotationPlace;
  text: string;
  tags: string[];
}

/** A note at the playhead counts as "here" while the playhead is this close after it. */
export const MOMENT_NOTE_SPAN_MS = 3_000;

/** The selected range when there is one that lasts (either way round), else the playhead. */
export function placeFrom(playheadMs: number, selection: { startMs: number; endMs: number } | null): AnnotationPlace {
  if (selection !== null) {
    const startMs = wholeMs(Math.min(selection.startMs, selection.endMs));
    const endMs = wholeMs(Math.max(selection.startMs, selection.endMs));
    if (endMs > startMs) return { startMs, endMs };
  }
  return { startMs: wholeMs(playheadMs), endMs: null };
}

/** `1:23` for a moment, `1:23–1:45` for a range. */
export function placeLabel(place: AnnotationPlace): string {
  return place.endMs === null ? formatClock(place.startMs) : `${formatClock(place.startMs)}–${formatClock(place.endMs)}`;
}

/** Whether the playhead is on this note: inside its range, or just after its moment. */
export function isAtPlayhead(place: AnnotationPlace, playheadMs: number): boolean {
  const endMs = place.endMs ?? place.startMs + MOMENT_NOTE_SPAN_MS;
  return playheadMs >= place.startMs && playheadMs < endMs;
}

/** Adds `tag` if absent, removes it if present (ignoring case). */
export function toggleTag(tags: readonly string[], tag: string): string[] {
  const key = tag.toLocaleLowerCase();
  return tags.some((t) => t.toLocaleLowerCase() === key) ? tags.filter((t) => t.toLocaleLowerCase() !== key) : normalizeTags([...tags, tag]);
}

export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tag.toLocaleLowerCase();
  return tags.some((t) => t.toLocaleLowerCase() === key);
}

/** Tags typed into the "add a tag" box: commas separate several. */
export function typedTags(input: string): string[] {
  return normalizeTags(input.split(','));
}

/** The chips the form offers: the supervisor's list, then any tag the note already has that is not on it. */
export function offeredTags(tagList: readonly string[], chosen: readonly string[]): string[] {
  return normalizeTags([...tagList, ...chosen]);
}

/** Why the draft cannot be saved, or null when it can. */
export function draftProblem(draft: AnnotationDraft): string | null {
  const tags = normalizeTags(draft.tags);
  if (draft.text.trim() === '' && tags.length === 0) return 'Write a note or choose a tag.';
  if (draft.text.length > ANNOTATION_TEXT_MAX_CHARS) return `Keep the note under ${ANNOTATION_TEXT_MAX_CHARS} characters (it has ${draft.text.length}).`;
  if (tags.length > ANNOTATION_TAGS_MAX) return `Choose at most ${ANNOTATION_TAGS_MAX} tags.`;
  const long = tags.find((tag) => tag.length > ANNOTATION_TAG_MAX_CHARS);
  if (long !== undefined) return `Tags are at most ${ANNOTATION_TAG_MAX_CHARS} characters: shorten "${long.slice(0, 20)}…".`;
  return null;
}

/** Why the supervisor's tag list cannot be saved, or null. */
export function tagListProblem(tags: readonly string[]): string | null {
  if (tags.length > ANNOTATION_TAG_LIST_MAX) return `Keep at most ${ANNOTATION_TAG_LIST_MAX} tags.`;
  const long = tags.find((tag) => tag.length > ANNOTATION_TAG_MAX_CHARS);
  return long === undefined ? null : `Tags are at most ${ANNOTATION_TAG_MAX_CHARS} characters: shorten "${long.slice(0, 20)}…".`;
}

/** An edit starts from what is stored. */
export function draftOf(annotation: Annotation): AnnotationDraft {
  return { place: { startMs: annotation.startMs, endMs: annotation.endMs }, text: annotation.text, tags: [...annotation.tags] };
}

/** Replaces (or adds) `annotation` in a list kept in time order, as main lists them. */
export function withAnnotation(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  return [...list.filter((a) => a.id !== annotation.id), annotation].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
}

function wholeMs(ms: number): number {
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
}
