// The import panel's behaviour: ask main for files or folders, start the import, and follow the
// progress main pushes (including an import started from another window).

import { useCallback, useEffect, useState } from 'react';
import type { AgentChannel, AttuneBridge } from '../../../shared/ipc-contract';
import { applyImportProgress, IDLE_IMPORT, type ImportState } from './import-progress';

export interface CallImport {
  state: ImportState;
  /** Opens the dialog for files or folders, then imports what was chosen. */
  choose: (kind: 'files' | 'folder', options: { agentName: string; agentChannel: AgentChannel }) => void;
  /** Forgets the last import's outcome list. */
  dismiss: () => void;
}

export function useCallImport(bridge: AttuneBridge, onCallImported: (callId: number) => void): CallImport {
  const [state, setState] = useState<ImportState>(IDLE_IMPORT);

  useEffect(
    () =>
      bridge.onImportProgress((progress) => {
        setState((previous) => applyImportProgress(previous, progress));
        if (progress.type === 'file-done' && progress.outcome.status === 'imported') onCallImported(progress.outcome.callId);
      }),
    [bridge, onCallImported],
  );

  const choose = useCallback<CallImport['choose']>(
    (kind, { agentName, agentChannel }) => {
      setState({ tag: 'starting' });
      const fail = (error: unknown): void => setState((previous) => ({ tag: 'failed', error: error instanceof Error ? error.message : String(error), outcomes: previous.tag === 'running' ? previous.outcomes : [] }));
      bridge.chooseImportSources(kind).then((paths) => {
        if (paths === null) {
          setState(IDLE_IMPORT);
          return;
        }
        bridge.importCalls({ paths, agentChannel, agentName: agentName.trim() }).then((result) => {
          // The pushes have drawn the progress; the result is the last word (and says why if refused).
          if (result.ok) setState({ tag: 'finished', summary: result.summary, outcomes: result.outcomes });
          else fail(new Error(result.error));
        }, fail);
      }, fail);
    },
    [bridge],
  );

  const dismiss = useCallback(() => setState(IDLE_IMPORT), []);
  return { state, choose, dismiss };
}
