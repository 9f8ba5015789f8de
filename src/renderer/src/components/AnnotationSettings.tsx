// Settings → Notes on calls: the name notes are written by (the OS user name unless changed) and the
// tags the note form offers as chips (the defaults until edited). Saved together, on their own.

import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { ANNOTATION_AUTHOR_MAX_CHARS, ANNOTATION_TAG_MAX_CHARS, DEFAULT_ANNOTATION_TAGS } from '../../../shared/annotations';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { hasTag, tagListProblem, typedTags } from '../lib/annotation-form';
import { messageOf } from '../lib/use-call-analysis';
import '../styles/annotations.css';

type SaveState = { tag: 'loading' } | { tag: 'editing' } | { tag: 'saving' } | { tag: 'saved' } | { tag: 'failed'; message: string };

export function AnnotationSettings({ bridge }: { bridge: AttuneBridge }): ReactElement {
  const [author, setAuthor] = useState('');
  const [defaultAuthor, setDefaultAuthor] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [newTag, setNewTag] = useState('');
  const [state, setState] = useState<SaveState>({ tag: 'loading' });

  useEffect(() => {
    let current = true;
    Promise.all([bridge.getAnnotationAuthor(), bridge.getAnnotationTags()]).then(
      ([who, offered]) => {
        if (!current) return;
        // Shown empty while it is the default, so the placeholder says what the default is.
        setAuthor(who.author === who.defaultAuthor ? '' : who.author);
        setDefaultAuthor(who.defaultAuthor);
        setTags(offered);
        setState({ tag: 'editing' });
      },
      (error: unknown) => {
        if (current) setState({ tag: 'failed', message: `The note settings could not be loaded: ${messageOf(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  const edited = (): void => {
    if (state.tag !== 'loading') setState({ tag: 'editing' });
  };

  const addTyped = (): void => {
    const typed = typedTags(newTag).filter((tag) => !hasTag(tags, tag));
    if (typed.length > 0) {
      setTags([...tags, ...typed]);
      edited();
    }
    setNewTag('');
  };

  const problem = tagListProblem(tags);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (problem !== null) return;
    setState({ tag: 'saving' });
    Promise.all([bridge.setAnnotationAuthor(author), bridge.setAnnotationTags(tags)]).then(
      ([who, stored]) => {
        setAuthor(who.author === who.defaultAuthor ? '' : who.author);
        setDefaultAuthor(who.defaultAuthor);
        setTags(stored);
        setState({ tag: 'saved' });
      },
      (error: unknown) => setState({ tag: 'failed', message: `Not saved: ${messageOf(error)}` }),
    );
  };

  const loading = state.tag === 'loading';
  return (
    <form className="card annotation-settings" aria-labelledby="annotation-settings-title" onSubmit={save} noValidate data-testid="annotation-settings">
      <h2 id="annotation-settings-title" className="card-title">
        Notes on calls
      </h2>
      <div className="annotation-settings-fields">
        <label>
          <strong>Your name on notes</strong>
          <input
            className="text-input annotation-author-input"
            value={author}
            maxLength={ANNOTATION_AUTHOR_MAX_CHARS}
            placeholder={defaultAuthor}
            disabled={loading}
            onChange={(event) => {
              setAuthor(event.target.value);
              edited();
            }}
            data-testid="annotation-author"
          />
          <span className="annotation-hint">Left empty, notes are signed with your computer user name{defaultAuthor ? ` (${defaultAuthor})` : ''}.</span>
        </label>

        <fieldset className="annotation-tags">
          <legend className="annotation-tags-legend">
            <strong>Tags offered when taking a note</strong>
          </legend>
          <ul className="tag-chips" data-testid="annotation-tag-list">
            {tags.map((tag) => (
              <li key={tag} className="tag-chip is-static">
                {tag}
                <button
                  type="button"
                  className="tag-chip-remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => {
                    setTags(tags.filter((t) => t !== tag));
                    edited();
                  }}
                  data-testid="annotation-tag-remove"
                >
                  ×
                </button>
              </li>
            ))}
            <li>
              <input
                className="text-input tag-input"
                value={newTag}
                maxLength={ANNOTATION_TAG_MAX_CHARS * 3}
                placeholder="Add a tag"
                aria-label="Add a tag to the list"
                disabled={loading}
                onChange={(event) => setNewTag(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    addTyped();
                  }
                }}
                onBlur={addTyped}
                data-testid="annotation-tag-input"
              />
            </li>
          </ul>
          <p className={problem ? 'annotation-error' : 'annotation-hint'}>
            {problem ?? (
              <>
                Press Enter to add a tag; commas separate several.{' '}
                <button
                  type="button"
                  className="button button-quiet annotation-link-button"
                  onClick={() => {
                    setTags([...DEFAULT_ANNOTATION_TAGS]);
                    edited();
                  }}
                  data-testid="annotation-tags-defaults"
                >
                  Restore the default tags
                </button>
              </>
            )}
          </p>
        </fieldset>
      </div>
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={loading || state.tag === 'saving' || problem !== null} data-testid="save-annotation-settings">
          {state.tag === 'saving' ? 'Saving…' : 'Save note settings'}
        </button>
        <span role="status" className={state.tag === 'failed' ? 'annotation-error' : 'annotation-hint'} data-testid="annotation-settings-status">
          {state.tag === 'saved' ? 'Saved.' : state.tag === 'failed' ? state.message : loading ? 'Loading…' : ''}
        </span>
      </div>
    </form>
  );
}
