// The import panel's behaviour: ask main for files or folders, start the import, and follow the
// progress main pushes (including an import started from another window).

import { useCallback, useEffect, useState } from 'react';
import type { AgentChannel, AttuneBridge } from '../../../shared/ipc-contract';
import { applyImportProgress, IDLE_IMPORT, lastImportIdOf, type ImportState } from './import-progress';

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
      setState((previous) => ({ tag: 'starting', lastImportId: lastImportIdOf(previous) }));
      const fail = (error: unknown): void =>
        setState((previous) => ({
          tag: 'failed',
          lastImportId: lastImportIdOf(previous),
          error: error instanceof Error ? error.message : String(error),
          outcomes: previous.tag === 'running' ? previous.outcomes.filter((outcome) => outcome !== undefined) : [],
        }));
      bridge.chooseImportSources(kind).then((paths) => {
        if (paths === null) {
          setState((previous) => ({ tag: 'idle', lastImportId: lastImportIdOf(previous) }));
          return;
        }
        bridge.importCalls({ paths, agentChannel, agentName: agentName.trim() }).then((result) => {
          // The answer is the last word on this import (pushes may still be on their way; they are ignored).
          if (!result.ok) {
            fail(new Error(result.error));
            return;
          }
          setState({ tag: 'finished', importId: result.importId, summary: result.summary, outcomes: result.outcomes });
          for (const outcome of result.outcomes) if (outcome.status === 'imported') onCallImported(outcome.callId);
        }, fail);
      }, fail);
    },
    [bridge, onCallImported],
  );

  const dismiss = useCallback(() => setState((previous) => ({ tag: 'idle', lastImportId: lastImportIdOf(previous) })), []);
  return { state, choose, dismiss };
}
