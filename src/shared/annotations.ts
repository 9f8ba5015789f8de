// Annotations: a supervisor's timestamped feedback on a stored call — a note at a moment or over a
// range, with tags — as main stores it (migration 0007) and the renderer shows and edits it.

/** One annotation of a stored call. */
export interface Annotation {
  id: number;
  callId: number;
  /** Audio time the note is about (its start, for a range). */
  startMs: number;
  /** End of the range it covers; null for a note at one moment. Always > startMs. */
  endMs: number | null;
  /** The feedback itself; may be several lines; empty only when there are tags. */
  text: string;
  /** In the order chosen; no two alike ignoring case. */
  tags: string[];
  /** Who wrote it (the supervisor's name; the OS user name unless set in Settings). */
  author: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC; equals createdAt until the first edit. */
  updatedAt: string;
}

/** What the renderer sends to add an annotation; main fills in the author and the times. */
export interface NewAnnotationRequest {
  callId: number;
  startMs: number;
  /** Omitted or null: a note at one moment. */
  endMs?: number | null;
  text: string;
  tags: string[];
}

/** An edit replaces the annotation's place, text and tags (author and createdAt stay). */
export interface AnnotationUpdateRequest {
  id: number;
  startMs: number;
  endMs?: number | null;
  text: string;
  tags: string[];
}

/** `error` is one user-facing sentence. */
export type AnnotationResult = { ok: true; annotation: Annotation } | { ok: false; error: string };
export type AnnotationDeleteResult = { ok: true } | { ok: false; error: string };

/** Who annotates: the name set in Settings, or the default. */
export interface AnnotationAuthor {
  /** The name stored with new annotations. */
  author: string;
  /** What `author` is when none is set: the OS user name. */
  defaultAuthor: string;
}

/** One annotation matching a library search, best first. */
export interface AnnotationSearchHit {
  annotationId: number;
  callId: number;
  /** Where to open the call: the annotation's start. */
  atMs: number;
  endMs: number | null;
  /** The matching text (or, when only tags matched, the tags) with the matches marked «like this». */
  snippet: string;
  tags: string[];
  author: string;
}

/** Offered as chips when annotating until the supervisor edits the list in Settings. */
export const DEFAULT_ANNOTATION_TAGS: readonly string[] = Object.freeze(['great empathy', 'interrupted', 'missed question', 'good paraphrase']);

/** Limits main enforces (and the form shows before sending). */
export const ANNOTATION_TEXT_MAX_CHARS = 4_000;
export const ANNOTATION_TAG_MAX_CHARS = 40;
export const ANNOTATION_TAGS_MAX = 12;
/** The editable list of tags offered in the form. */
export const ANNOTATION_TAG_LIST_MAX = 40;
export const ANNOTATION_AUTHOR_MAX_CHARS = 100;

/** Tags as stored: trimmed, inner whitespace collapsed, empty ones dropped, duplicates (ignoring case) dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}
