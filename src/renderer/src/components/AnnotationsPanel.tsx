// A stored call's annotations beside its replay: the list in time order (a note's time seeks there,
// the one under the playhead is marked), and the form that adds a note at the playhead or over the
// selected range, or edits one, with tag chips. Deleting asks first. Main stores everything (author
// and times included); the list is always what main answered.

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import { ANNOTATION_TAG_MAX_CHARS, ANNOTATION_TEXT_MAX_CHARS, type Annotation, type AnnotationResult } from '../../../shared/annotations';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import {
  draftOf,
  draftProblem,
  hasTag,
  isAtPlayhead,
  offeredTags,
  placeFrom,
  placeLabel,
  toggleTag,
  typedTags,
  withAnnotation,
  type AnnotationDraft,
} from '../lib/annotation-form';
import { attuneBridge } from '../lib/attune-bridge';
import { messageOf } from '../lib/use-call-analysis';
import '../styles/annotations.css';

export interface AnnotationsPanelProps {
  callId: number;
  /** Where playback is now (ms into the call): a new note goes here unless a range is selected. */
  playheadMs: number;
  /** A range selected on the waveform; a new note covers it. */
  selection: { startMs: number; endMs: number } | null;
  /** A note's time was clicked: play from there. */
  onSeek: (ms: number) => void;
  /** After a note was added, edited or deleted: the call's notes now (e.g. to redraw the waveform's markers). */
  onChange?: (annotations: readonly Annotation[]) => void;
  /** Default: window.attune. */
  bridge?: AttuneBridge;
}

type ListState = { tag: 'loading' } | { tag: 'loaded'; annotations: Annotation[] } | { tag: 'failed'; message: string };

/** What the form is doing: nothing, a new note, or an edit of a stored one. */
type Editor = { tag: 'closed' } | { tag: 'adding'; draft: AnnotationDraft } | { tag: 'editing'; id: number; draft: AnnotationDraft };

export function AnnotationsPanel(props: AnnotationsPanelProps): ReactElement {
  // Another call is another panel: nothing of the last call's list or form carries over.
  return <CallAnnotations key={props.callId} {...props} />;
}

function CallAnnotations({ callId, playheadMs, selection, onSeek, onChange, bridge: givenBridge }: AnnotationsPanelProps): ReactElement {
  const [bridge] = useState<AttuneBridge>(() => givenBridge ?? attuneBridge());
  const [list, setList] = useState<ListState>({ tag: 'loading' });
  const [tagList, setTagList] = useState<string[]>([]);
  const [editor, setEditor] = useState<Editor>({ tag: 'closed' });
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // Bumped to move focus back to "Add note" once it is rendered enabled again (after a save, a cancel, a delete).
  const [focusAddRequest, setFocusAddRequest] = useState(0);
  useEffect(() => {
    if (focusAddRequest > 0) addButtonRef.current?.focus();
  }, [focusAddRequest]);
  const focusAddButton = (): void => setFocusAddRequest((n) => n + 1);

  useEffect(() => {
    let current = true;
    bridge.listAnnotations(callId).then(
      (annotations) => {
        if (current) setList({ tag: 'loaded', annotations });
      },
      (error: unknown) => {
        if (current) setList({ tag: 'failed', message: `The notes could not be loaded: ${messageOf(error)}` });
      },
    );
    bridge.getAnnotationTags().then(
      (tags) => {
        if (current) setTagList(tags);
      },
      // Without the list the form still works: typed tags only.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge, callId]);

  const annotations = list.tag === 'loaded' ? list.annotations : [];
  const newPlace = placeFrom(playheadMs, selection);

  const changed = (next: Annotation[]): void => {
    setList({ tag: 'loaded', annotations: next });
    onChange?.(next);
  };

  const closeEditor = (): void => {
    setEditor({ tag: 'closed' });
    setProblem(null);
  };

  const openNew = (): void => {
    setConfirmingDeleteId(null);
    setProblem(null);
    setEditor({ tag: 'adding', draft: { place: newPlace, text: '', tags: [] } });
  };

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (editor.tag === 'closed' || busy) return;
    const { draft } = editor;
    const why = draftProblem(draft);
    if (why !== null) {
      setProblem(why);
      return;
    }
    setBusy(true);
    const request = { startMs: draft.place.startMs, endMs: draft.place.endMs, text: draft.text, tags: draft.tags };
    const sent: Promise<AnnotationResult> =
      editor.tag === 'adding' ? bridge.addAnnotation({ callId, ...request }) : bridge.updateAnnotation({ id: editor.id, ...request });
    sent
      .then(
        (result) => {
          if (!result.ok) {
            setProblem(result.error);
            return;
          }
          changed(withAnnotation(annotations, result.annotation));
          closeEditor();
          // Back to where a next note starts.
          focusAddButton();
        },
        // What was typed stays in the form, so nothing is lost.
        (error: unknown) => setProblem(`Not saved: ${messageOf(error)}`),
      )
      .finally(() => setBusy(false));
  };

  const remove = (id: number): void => {
    setBusy(true);
    bridge
      .deleteAnnotation(id)
      .then(
        (result) => {
          // Gone either way: deleted now, or already (its error says so, once).
          if (!result.ok) setProblem(result.error);
          else setProblem(null);
          setConfirmingDeleteId(null);
          changed(annotations.filter((a) => a.id !== id));
          focusAddButton();
        },
        (error: unknown) => setProblem(`Not deleted: ${messageOf(error)}`),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="card annotations-panel" aria-labelledby="annotations-title" data-testid="annotations-panel">
      <div className="annotations-header">
        <h2 id="annotations-title" className="card-title">
          Notes{list.tag === 'loaded' && annotations.length > 0 ? ` (${annotations.length})` : ''}
        </h2>
        <button
          type="button"
          ref={addButtonRef}
          className="button button-primary annotation-add"
          onClick={openNew}
          disabled={editor.tag !== 'closed' || list.tag !== 'loaded'}
          data-testid="annotation-add"
        >
          {newPlace.endMs === null ? `Add note at ${placeLabel(newPlace)}` : `Add note on ${placeLabel(newPlace)}`}
        </button>
      </div>

      {editor.tag === 'adding' && (
        <AnnotationEditor
          heading={editor.draft.place.endMs === null ? `New note at ${placeLabel(editor.draft.place)}` : `New note on ${placeLabel(editor.draft.place)}`}
          draft={editor.draft}
          tagList={tagList}
          busy={busy}
          problem={problem}
          onDraft={(draft) => setEditor({ tag: 'adding', draft })}
          onSubmit={save}
          onCancel={() => {
            closeEditor();
            focusAddButton();
          }}
        />
      )}

      {problem !== null && editor.tag === 'closed' && (
        <p className="annotation-error" role="alert" data-testid="annotation-problem">
          {problem}
        </p>
      )}

      {list.tag === 'loading' && (
        <p className="annotation-hint" role="status">
          Loading notes…
        </p>
      )}
      {list.tag === 'failed' && (
        <p className="annotation-error" role="alert" data-testid="annotations-error">
          {list.message}
        </p>
      )}
      {list.tag === 'loaded' && annotations.length === 0 && editor.tag !== 'adding' && (
        <p className="annotation-hint annotations-empty" data-testid="annotations-empty">
          No notes yet. Pause where something matters (or select a stretch of the waveform) and add one: it is kept with the call and found by
          search.
        </p>
      )}

      {annotations.length > 0 && (
        <ol className="annotation-list" aria-label="Notes on this call">
          {annotations.map((annotation) =>
            editor.tag === 'editing' && editor.id === annotation.id ? (
              <li key={annotation.id} className="annotation-item is-editing" data-testid="annotation" data-annotation-id={annotation.id}>
                <AnnotationEditor
                  heading={`Edit note at ${placeLabel(editor.draft.place)}`}
                  draft={editor.draft}
                  tagList={tagList}
                  busy={busy}
                  problem={problem}
                  onDraft={(draft) => setEditor({ tag: 'editing', id: annotation.id, draft })}
                  onMoveHere={() => setEditor({ tag: 'editing', id: annotation.id, draft: { ...editor.draft, place: newPlace } })}
                  movePlaceLabel={placeLabel(newPlace)}
                  onSubmit={save}
                  onCancel={() => {
                    closeEditor();
                    focusAddButton();
                  }}
                />
              </li>
            ) : (
              <AnnotationItem
                key={annotation.id}
                annotation={annotation}
                current={isAtPlayhead(annotation, playheadMs)}
                confirmingDelete={confirmingDeleteId === annotation.id}
                busy={busy}
                canEdit={editor.tag === 'closed'}
                onSeek={onSeek}
                onEdit={() => {
                  setConfirmingDeleteId(null);
                  setProblem(null);
                  setEditor({ tag: 'editing', id: annotation.id, draft: draftOf(annotation) });
                }}
                onAskDelete={() => setConfirmingDeleteId(annotation.id)}
                onDelete={() => remove(annotation.id)}
                onKeep={() => setConfirmingDeleteId(null)}
              />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

interface AnnotationItemProps {
  annotation: Annotation;
  current: boolean;
  confirmingDelete: boolean;
  busy: boolean;
  canEdit: boolean;
  onSeek: (ms: number) => void;
  onEdit: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
  onKeep: () => void;
}

function AnnotationItem({ annotation, current, confirmingDelete, busy, canEdit, onSeek, onEdit, onAskDelete, onDelete, onKeep }: AnnotationItemProps): ReactElement {
  const place = placeLabel(annotation);
  const edited = annotation.updatedAt !== annotation.createdAt;
  return (
    <li
      className={`annotation-item${current ? ' is-current' : ''}`}
      aria-current={current ? 'true' : undefined}
      data-testid="annotation"
      data-annotation-id={annotation.id}
      data-start-ms={annotation.startMs}
    >
      <button type="button" className="annotation-time" onClick={() => onSeek(annotation.startMs)} aria-label={`Play from ${place}`} data-testid="annotation-time">
        {place}
      </button>
      <div className="annotation-body">
        {annotation.text !== '' && (
          <p className="annotation-text" data-testid="annotation-text">
            {annotation.text}
          </p>
        )}
        {annotation.tags.length > 0 && (
          <ul className="tag-chips" aria-label="Tags">
            {annotation.tags.map((tag) => (
              <li key={tag} className="tag-chip is-static">
                {tag}
              </li>
            ))}
          </ul>
        )}
        <p className="annotation-meta">
          {annotation.author} · {formatWritten(annotation.createdAt)}
          {edited ? ` · edited ${formatWritten(annotation.updatedAt)}` : ''}
        </p>
        {confirmingDelete ? (
          <div className="annotation-confirm" role="alertdialog" aria-label="Delete this note?" data-testid="annotation-confirm-delete">
            <span>Delete this note? This cannot be undone.</span>
            <button type="button" className="button button-danger" onClick={onDelete} disabled={busy} data-testid="annotation-delete-confirm">
              Delete
            </button>
            <button type="button" className="button" onClick={onKeep} autoFocus data-testid="annotation-delete-keep">
              Keep
            </button>
          </div>
        ) : (
          <div className="annotation-actions">
            <button type="button" className="button button-quiet" onClick={onEdit} disabled={!canEdit} aria-label={`Edit note at ${place}`} data-testid="annotation-edit">
              Edit
            </button>
            <button type="button" className="button button-quiet" onClick={onAskDelete} disabled={busy} aria-label={`Delete note at ${place}`} data-testid="annotation-delete">
              Delete
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

interface AnnotationEditorProps {
  heading: string;
  draft: AnnotationDraft;
  tagList: readonly string[];
  busy: boolean;
  problem: string | null;
  onDraft: (draft: AnnotationDraft) => void;
  /** Editing only: move the note to the playhead (or selection). */
  onMoveHere?: () => void;
  movePlaceLabel?: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
}

function AnnotationEditor({ heading, draft, tagList, busy, problem, onDraft, onMoveHere, movePlaceLabel, onSubmit, onCancel }: AnnotationEditorProps): ReactElement {
  const [newTag, setNewTag] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const chips = offeredTags(tagList, draft.tags);

  const addTyped = (): void => {
    const typed = typedTags(newTag);
    if (typed.length === 0) return;
    onDraft({ ...draft, tags: [...draft.tags, ...typed.filter((tag) => !hasTag(draft.tags, tag))] });
    setNewTag('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    // Typing here must not reach the replay's shortcuts (space, arrows, J/K/L) or the view's Escape.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  return (
    <form ref={formRef} className="annotation-editor" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={heading} noValidate data-testid="annotation-editor">
      <div className="annotation-editor-heading">
        <strong>{heading}</strong>
        {onMoveHere !== undefined && movePlaceLabel !== undefined && (
          <button type="button" className="button button-quiet" onClick={onMoveHere} data-testid="annotation-move-here">
            Move to {movePlaceLabel}
          </button>
        )}
      </div>
      <label className="annotation-field">
        <span className="visually-hidden">Note</span>
        <textarea
          className="text-input annotation-textarea"
          value={draft.text}
          rows={3}
          maxLength={ANNOTATION_TEXT_MAX_CHARS}
          placeholder="What happened here, and what to do next time"
          onChange={(event) => onDraft({ ...draft, text: event.target.value })}
          autoFocus
          data-testid="annotation-textarea"
        />
      </label>
      <fieldset className="annotation-tags">
        <legend className="annotation-tags-legend">Tags</legend>
        <div className="tag-chips">
          {chips.map((tag) => {
            const on = hasTag(draft.tags, tag);
            return (
              <button
                key={tag}
                type="button"
                className={`tag-chip${on ? ' is-on' : ''}`}
                aria-pressed={on}
                onClick={() => onDraft({ ...draft, tags: toggleTag(draft.tags, tag) })}
                data-testid="annotation-tag"
              >
                {tag}
              </button>
            );
          })}
          <input
            className="text-input tag-input"
            value={newTag}
            maxLength={ANNOTATION_TAG_MAX_CHARS * 3}
            placeholder="Another tag"
            aria-label="Add a tag"
            onChange={(event) => setNewTag(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                addTyped();
              }
            }}
            onBlur={addTyped}
            data-testid="annotation-new-tag"
          />
        </div>
      </fieldset>
      <div className="annotation-editor-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="annotation-save">
          {busy ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="annotation-cancel">
          Cancel
        </button>
        <span className="annotation-hint">Ctrl+Enter saves · Esc cancels</span>
      </div>
      {problem !== null && (
        <p className="annotation-error" role="alert" data-testid="annotation-problem">
          {problem}
        </p>
      )}
    </form>
  );
}

/** When a note was written, in the viewer's locale: `1 Dec 2026, 14:05`. */
function formatWritten(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
