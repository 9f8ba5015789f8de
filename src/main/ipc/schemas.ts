// Zod schemas for every IPC method's argument list: main trusts nothing the renderer sends.

import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { AttuneIpcArgs, AttuneIpcMethod, UiPreferences } from '../../shared/ipc-contract';
import { CALL_SORT_KEYS, type CallQuery, type CallSortKey, type LibrarySearchRequest, type NumberRange } from '../../shared/library';
import type { CallOutcome, TrendsQuery } from '../../shared/outcomes';
import {
  ANNOTATION_AUTHOR_MAX_CHARS,
  ANNOTATION_TAG_LIST_MAX,
  ANNOTATION_TAG_MAX_CHARS,
  ANNOTATION_TAGS_MAX,
  ANNOTATION_TEXT_MAX_CHARS,
  type AnnotationUpdateRequest,
  type NewAnnotationRequest,
} from '../../shared/annotations';
import { privacySettingsSchema } from '../privacy/privacy-settings';
import { coachingSettingsSchema } from '../store/coaching-settings-schema';

export const analyzeCallFileRequestSchema = z.strictObject({
  path: z
    .string()
    .min(1, 'must not be empty')
    // The renderer only ever has absolute paths (dialog or drop); anything else is a bug or an attack.
    .refine((path) => isAbsolute(path), 'must be an absolute file path')
    .refine((path) => !path.includes('\0'), 'must not contain NUL characters'),
  agentChannel: z.enum(['left', 'right']).optional(),
});

/** One line of user text: no control characters (a newline would break the one-line contract). */
function oneLineText(maxLength: number): z.ZodString {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((text) => ![...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f), 'must be one line without control characters');
}

export const startLiveCallRequestSchema = z.strictObject({ agentName: oneLineText(100) });

const CAPTURE_PROBLEMS = ['permission-denied', 'track-ended', 'silent-channel', 'sample-rate-changed', 'recording-failed'] as const;

export const captureProblemReportSchema = z.strictObject({
  channel: z.enum(['agent', 'customer']).nullable(),
  problem: z.enum(CAPTURE_PROBLEMS),
  message: oneLineText(500).min(1, 'must not be empty'),
});

export const liveNoteRequestSchema = z.strictObject({
  text: oneLineText(500),
  atMs: z.number().finite().min(0, 'must not be negative').optional(),
});

/** A stored call's id: SQLite rowids start at 1. */
export const callIdSchema = z.number().int('must be a whole number').positive('must be a positive call id');

export const uiPreferencesSchema = z.strictObject({
  consentReminderAcknowledged: z.boolean(),
  speechModelOfferDismissed: z.boolean().optional(),
}) satisfies z.ZodType<UiPreferences>;

/** A speech model id as the model store names folders: no path separators, no leading dot. */
export const speechModelIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a model id (letters, digits, dot, dash, underscore)');

/** A model folder or archive on this machine, as the dialog (or a drop) gives it. */
export const speechModelSourcePathSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((path) => isAbsolute(path), 'must be an absolute path')
  .refine((path) => !path.includes('\0'), 'must not contain NUL characters');

/** An absolute path of a file or folder to import, as a dialog (or a drop) gives it. */
const importSourcePathSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((path) => isAbsolute(path), 'must be an absolute path')
  .refine((path) => !path.includes('\0'), 'must not contain NUL characters');

export const importCallsRequestSchema = z.strictObject({
  paths: z.array(importSourcePathSchema).min(1, 'must name at least one file or folder').max(10_000, 'must name at most 10000 files or folders'),
  agentChannel: z.enum(['left', 'right']).optional(),
  agentName: oneLineText(100).optional(),
});

/** An annotation's id: SQLite rowids start at 1. */
export const annotationIdSchema = z.number().int('must be a whole number').positive('must be a positive annotation id');

/** Annotation text may run over several lines (and tabs); other control characters are refused. */
const annotationTextSchema = z
  .string()
  .max(ANNOTATION_TEXT_MAX_CHARS, `must be at most ${ANNOTATION_TEXT_MAX_CHARS} characters`)
  .refine((text) => ![...text].some((char) => (char.charCodeAt(0) < 0x20 && char !== '\n' && char !== '\t') || char.charCodeAt(0) === 0x7f), 'must not contain control characters');

const annotationTagSchema = oneLineText(ANNOTATION_TAG_MAX_CHARS);
const audioTimeMsSchema = z.number().finite().min(0, 'must not be negative');

/** Where an annotation goes: a moment, or a range whose end comes after its start. */
const annotationPlaceShape = {
  startMs: audioTimeMsSchema,
  endMs: audioTimeMsSchema.nullable().optional(),
  text: annotationTextSchema,
  tags: z.array(annotationTagSchema).max(ANNOTATION_TAGS_MAX, `must be at most ${ANNOTATION_TAGS_MAX} tags`),
};
const rangeForwards = (place: { startMs: number; endMs?: number | null | undefined }): boolean => place.endMs == null || place.endMs >= place.startMs;
const RANGE_MESSAGE = { message: 'must not end before it starts', path: ['endMs'] };

export const newAnnotationRequestSchema = z
  .strictObject({ callId: callIdSchema, ...annotationPlaceShape })
  .refine(rangeForwards, RANGE_MESSAGE) satisfies z.ZodType<NewAnnotationRequest>;

export const annotationUpdateRequestSchema = z
  .strictObject({ id: annotationIdSchema, ...annotationPlaceShape })
  .refine(rangeForwards, RANGE_MESSAGE) satisfies z.ZodType<AnnotationUpdateRequest>;

export const annotationTagListSchema = z.array(annotationTagSchema).max(ANNOTATION_TAG_LIST_MAX, `must be at most ${ANNOTATION_TAG_LIST_MAX} tags`);

/** A call's outcome: every field may be null (not known). */
export const callOutcomeSchema = z.strictObject({
  csat: z.literal([1, 2, 3, 4, 5], 'must be a whole number from 1 to 5').nullable(),
  resolvedFirstContact: z.boolean().nullable(),
  customerName: oneLineText(200).nullable(),
  customerAccount: oneLineText(200).nullable(),
}) satisfies z.ZodType<CallOutcome>;

/** A calendar day, YYYY-MM-DD, that exists. */
const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-01')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'must be a real date');

export const trendsQuerySchema = z.strictObject({
  agentName: oneLineText(100).optional(),
  fromDate: isoDaySchema.optional(),
  toDate: isoDaySchema.optional(),
}) satisfies z.ZodType<TrendsQuery>;

/** An outcomes CSV on this machine, as the dialog gives it. */
export const outcomesCsvPathSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((path) => isAbsolute(path), 'must be an absolute path')
  .refine((path) => !path.includes('\0'), 'must not contain NUL characters');

/** An inclusive range of a figure; either end may be open. */
function rangeSchema(max: number, whole: boolean): z.ZodType<NumberRange> {
  const bound = whole ? z.number().int('must be a whole number').min(0, 'must not be negative').max(max) : z.number().finite().min(0, 'must not be negative').max(max);
  return z.strictObject({ min: bound.optional(), max: bound.optional() });
}

/** An ISO 8601 date and time (the renderer turns the picked days into instants). */
const isoInstantSchema = z
  .string()
  .max(40, 'must be an ISO 8601 date and time')
  .refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date and time');

export const callQuerySchema = z.strictObject({
  agentNames: z.array(oneLineText(100)).max(500, 'must list at most 500 agents').optional(),
  startedFrom: isoInstantSchema.optional(),
  startedBefore: isoInstantSchema.optional(),
  durationMs: rangeSchema(Number.MAX_SAFE_INTEGER, true).optional(),
  talkRatio: rangeSchema(1, false).optional(),
  agentInterruptions: rangeSchema(Number.MAX_SAFE_INTEGER, true).optional(),
  customerInterruptions: rangeSchema(Number.MAX_SAFE_INTEGER, true).optional(),
  listeningScore: rangeSchema(100, false).optional(),
  sort: z.strictObject({ key: z.enum(CALL_SORT_KEYS as [CallSortKey, ...CallSortKey[]]), direction: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int('must be a whole number').min(0, 'must not be negative').optional(),
  limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000').optional(),
}) satisfies z.ZodType<CallQuery>;

export const librarySearchRequestSchema = z.strictObject({
  text: z.string().max(500, 'must be at most 500 characters'),
  limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000, 'must be at most 1000').optional(),
}) satisfies z.ZodType<LibrarySearchRequest>;

/**
 * One tuple schema per contract method, validating the whole argument list (so extra arguments are
 * rejected too). The mapped type makes a missing method, or a schema whose output disagrees with the
 * contract's parameter types, a compile error.
 */
export const ipcArgsSchemas: { readonly [M in AttuneIpcMethod]: z.ZodType<AttuneIpcArgs<M>> } = {
  analyzeCallFile: z.tuple([analyzeCallFileRequestSchema]),
  chooseCallFile: z.tuple([]),
  startLiveCall: z.tuple([startLiveCallRequestSchema]),
  stopLiveCall: z.tuple([]),
  reportCaptureProblem: z.tuple([captureProblemReportSchema]),
  addLiveNote: z.tuple([liveNoteRequestSchema]),
  getLiveStatus: z.tuple([]),
  getCoachingSettings: z.tuple([]),
  setCoachingSettings: z.tuple([coachingSettingsSchema]),
  getUiPreferences: z.tuple([]),
  setUiPreferences: z.tuple([uiPreferencesSchema]),
  listCalls: z.tuple([]),
  getCall: z.tuple([callIdSchema]),
  setOverlayClickThrough: z.tuple([z.boolean()]),
  setOverlayVisible: z.tuple([z.boolean()]),
  returnFocus: z.tuple([]),
  dismissCard: z.tuple([]),
  getSpeechModels: z.tuple([]),
  downloadSpeechModel: z.tuple([speechModelIdSchema]),
  cancelSpeechModelDownload: z.tuple([]),
  chooseSpeechModelSource: z.tuple([z.enum(['folder', 'archive'])]),
  importSpeechModel: z.tuple([speechModelSourcePathSchema]),
  selectSpeechModel: z.tuple([speechModelIdSchema.nullable()]),
  getPrivacySettings: z.tuple([]),
  setPrivacySettings: z.tuple([privacySettingsSchema]),
  getCallTranscript: z.tuple([callIdSchema]),
  exportCallReport: z.tuple([callIdSchema, z.enum(['html', 'pdf'])]),
  getCallReplay: z.tuple([callIdSchema]),
  listAnnotations: z.tuple([callIdSchema]),
  addAnnotation: z.tuple([newAnnotationRequestSchema]),
  updateAnnotation: z.tuple([annotationUpdateRequestSchema]),
  deleteAnnotation: z.tuple([annotationIdSchema]),
  getAnnotationTags: z.tuple([]),
  setAnnotationTags: z.tuple([annotationTagListSchema]),
  getAnnotationAuthor: z.tuple([]),
  setAnnotationAuthor: z.tuple([oneLineText(ANNOTATION_AUTHOR_MAX_CHARS)]),
  chooseImportSources: z.tuple([z.enum(['files', 'folder'])]),
  importCalls: z.tuple([importCallsRequestSchema]),
  getCallOutcome: z.tuple([callIdSchema]),
  setCallOutcome: z.tuple([callIdSchema, callOutcomeSchema]),
  getCustomerHistory: z.tuple([callIdSchema]),
  chooseOutcomesCsv: z.tuple([]),
  importOutcomesCsv: z.tuple([outcomesCsvPathSchema]),
  getTrends: z.tuple([trendsQuerySchema]),
  queryCalls: z.tuple([callQuerySchema]),
  searchLibrary: z.tuple([librarySearchRequestSchema]),
  deleteCall: z.tuple([callIdSchema]),
  exportLibraryCsv: z.tuple([callQuerySchema]),
};

/** Renders zod issues as one line: `request.path: must be an absolute file path; …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      // Arity problems are about the whole argument list; zod words them as array sizes.
      if (issue.path.length === 0 && issue.code === 'too_big') return `expected at most ${String(issue.maximum)} argument(s)`;
      if (issue.path.length === 0 && issue.code === 'too_small') return `expected at least ${String(issue.minimum)} argument(s)`;
      const [argumentIndex, ...rest] = issue.path;
      const where =
        argumentIndex === undefined
          ? 'arguments'
          : [typeof argumentIndex === 'number' ? `argument ${argumentIndex + 1}` : String(argumentIndex), ...rest.map(String)].join('.');
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
