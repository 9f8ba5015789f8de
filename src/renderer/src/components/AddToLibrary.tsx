// "Add to library" for the recording on the Analyse view: stores it through the import service (the
// same analysis, source 'import', transcribed later when a model is present), then offers to open it
// in the replay view. A file already in the library is found, not stored twice.

import { useState, type ReactElement } from 'react';
import type { AgentChannel } from '../../../shared/ipc-contract';
import { attuneBridge } from '../lib/attune-bridge';
import { messageOf } from '../lib/use-call-analysis';

type AddState = { tag: 'ready' } | { tag: 'adding' } | { tag: 'added'; callId: number; already: boolean } | { tag: 'failed'; error: string };

export interface AddToLibraryProps {
  path: string;
  agentChannel: AgentChannel;
  /** Opens the stored call in the replay view; absent: the message says where to find it. */
  onOpenStoredCall?: ((callId: number) => void) | undefined;
}

export function AddToLibrary({ path, agentChannel, onOpenStoredCall }: AddToLibraryProps): ReactElement {
  const [state, setState] = useState<AddState>({ tag: 'ready' });

  const add = (): void => {
    setState({ tag: 'adding' });
    attuneBridge()
      .importCalls({ paths: [path], agentChannel })
      .then(
        (result) => {
          if (!result.ok) return setState({ tag: 'failed', error: result.error });
          const outcome = result.outcomes[0];
          if (outcome === undefined) return setState({ tag: 'failed', error: 'The recording was not found any more.' });
          switch (outcome.status) {
            case 'imported':
              return setState({ tag: 'added', callId: outcome.callId, already: false });
            case 'duplicate':
              return setState({ tag: 'added', callId: outcome.callId, already: true });
            case 'failed':
              return setState({ tag: 'failed', error: outcome.reason });
            default: {
              const unreachable: never = outcome;
              return unreachable;
            }
          }
        },
        (error: unknown) => setState({ tag: 'failed', error: messageOf(error) }),
      );
  };

  return (
    <div className="add-to-library" data-testid="add-to-library">
      {state.tag !== 'added' && (
        <button type="button" className="button" onClick={add} disabled={state.tag === 'adding'} data-testid="add-to-library-button">
          {state.tag === 'adding' ? 'Adding…' : 'Add to library'}
        </button>
      )}
      {state.tag === 'added' && (
        <>
          <span role="status" data-testid="add-to-library-status">
            {state.already ? `Already in the library as call ${state.callId}.` : `Added to the library as call ${state.callId}.`}
            {onOpenStoredCall === undefined ? ' Open it from the Library to replay it and add notes.' : ''}
          </span>
          {onOpenStoredCall !== undefined && (
            <button type="button" className="button button-primary" onClick={() => onOpenStoredCall(state.callId)} data-testid="open-in-replay">
              Open in replay
            </button>
          )}
        </>
      )}
      {state.tag === 'failed' && (
        <span role="alert" className="field-error" data-testid="add-to-library-error">
          {state.error}
        </span>
      )}
    </div>
  );
}
