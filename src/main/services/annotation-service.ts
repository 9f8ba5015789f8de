// Annotations as the app and the CLI use them: what the user typed is tidied (text trimmed, tags
// normalised, a place beyond the call's end pulled back to it), checked against the stored call, and
// stored with its author and time. Also the two preferences behind the form: the tags it offers and
// the author's name (the OS user name unless one was set).

import { userInfo } from 'node:os';
import { z } from 'zod';
import {
  DEFAULT_ANNOTATION_TAGS,
  normalizeTags,
  type Annotation,
  type AnnotationAuthor,
  type AnnotationDeleteResult,
  type AnnotationResult,
  type AnnotationUpdateRequest,
  type NewAnnotationRequest,
} from '../../shared/annotations';
import type { SqliteDatabase } from '../store/database';
import { deleteAnnotation, insertAnnotation, listAnnotations, updateAnnotation, type AnnotationFields } from '../store/annotations-repository';
import { readPreference, writePreference } from '../store/preferences';

/** Preference keys (src/main/store/preferences.ts). */
export const ANNOTATION_TAGS_PREFERENCE = 'annotationTags';
export const ANNOTATION_AUTHOR_PREFERENCE = 'annotationAuthor';

/** Used when the OS does not say who is logged in. */
export const FALLBACK_AUTHOR = 'Supervisor';

export const EMPTY_ANNOTATION_ERROR = 'Write a note or choose a tag first.';
export const MISSING_CALL_ERROR = 'This call is not stored any more, so the note was not saved.';
export const MISSING_ANNOTATION_ERROR = 'This note is not stored any more (it may have been deleted).';

export interface AnnotationServiceDeps {
  db: SqliteDatabase;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default: the OS user name (FALLBACK_AUTHOR when the OS cannot say). */
  osUserName?: () => string;
}

export interface AnnotationService {
  list(callId: number): Annotation[];
  add(request: NewAnnotationRequest): AnnotationResult;
  update(request: AnnotationUpdateRequest): AnnotationResult;
  remove(id: number): AnnotationDeleteResult;
  /** The tags the form offers (the defaults until edited). */
  tags(): string[];
  /** Stores the offered tags (normalised; [] offers none) and returns them. */
  setTags(tags: readonly string[]): string[];
  author(): AnnotationAuthor;
  /** Stores the author's name; blank goes back to the OS user name. */
  setAuthor(name: string): AnnotationAuthor;
}

const tagsPreferenceSchema = z.array(z.string());
const authorPreferenceSchema = z.string().min(1);

export function createAnnotationService(deps: AnnotationServiceDeps): AnnotationService {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const osUserName = deps.osUserName ?? systemUserName;

  const author = (): AnnotationAuthor => {
    const defaultAuthor = oneLine(osUserName()) || FALLBACK_AUTHOR;
    return { author: readPreference(db, ANNOTATION_AUTHOR_PREFERENCE, authorPreferenceSchema) ?? defaultAuthor, defaultAuthor };
  };

  /** The request's place and content as stored, or the sentence saying why it cannot be. */
  const fieldsFor = (callId: number, request: NewAnnotationRequest | AnnotationUpdateRequest): AnnotationFields | string => {
    const durationMs = callDurationMs(db, callId);
    if (durationMs === null) return MISSING_CALL_ERROR;
    const text = request.text.trim();
    const tags = normalizeTags(request.tags);
    if (text === '' && tags.length === 0) return EMPTY_ANNOTATION_ERROR;
    // The player's idea of the end can pass the stored duration by a frame; keep the note, at the end.
    const startMs = Math.min(Math.round(request.startMs), durationMs);
    const requestedEndMs = request.endMs ?? null;
    const endMs = requestedEndMs === null ? null : Math.min(Math.round(requestedEndMs), durationMs);
    return { startMs, endMs: endMs !== null && endMs > startMs ? endMs : null, text, tags };
  };

  return {
    list: (callId) => listAnnotations(db, callId),

    add(request) {
      const fields = fieldsFor(request.callId, request);
      if (typeof fields === 'string') return { ok: false, error: fields };
      const annotation = insertAnnotation(db, { ...fields, callId: request.callId, author: author().author, createdAt: now().toISOString() });
      return { ok: true, annotation };
    },

    update(request) {
      const callId = db.prepare('SELECT call_id FROM annotations WHERE id = ?').pluck().get(request.id) as number | undefined;
      if (callId === undefined) return { ok: false, error: MISSING_ANNOTATION_ERROR };
      const fields = fieldsFor(callId, request);
      if (typeof fields === 'string') return { ok: false, error: fields };
      const annotation = updateAnnotation(db, request.id, fields, now().toISOString());
      return annotation === null ? { ok: false, error: MISSING_ANNOTATION_ERROR } : { ok: true, annotation };
    },

    remove(id) {
      return deleteAnnotation(db, id) ? { ok: true } : { ok: false, error: MISSING_ANNOTATION_ERROR };
    },

    tags: () => readPreference(db, ANNOTATION_TAGS_PREFERENCE, tagsPreferenceSchema) ?? [...DEFAULT_ANNOTATION_TAGS],

    setTags(tags) {
      const normalized = normalizeTags(tags);
      writePreference(db, ANNOTATION_TAGS_PREFERENCE, normalized);
      return normalized;
    },

    author,

    setAuthor(name) {
      // null does not parse as a name, so the default applies from now on.
      writePreference(db, ANNOTATION_AUTHOR_PREFERENCE, oneLine(name) || null);
      return author();
    },
  };
}

/** Stored call `callId`'s duration, or null when no such call is stored. */
function callDurationMs(db: SqliteDatabase, callId: number): number | null {
  const durationMs = db.prepare('SELECT duration_ms FROM calls WHERE id = ?').pluck().get(callId) as number | undefined;
  return durationMs ?? null;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function systemUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): userInfo throws rather than return nothing.
    return '';
  }
}
