// Importing recorded calls from the app: the agent and channel they are imported for, the dialog for
// files or folders (or paths dropped on the Library), the import itself, and the progress main pushes
// (including an import started from another window). Lives in the App so a drop can start it.

import { useCallback, useEffect, useState } from 'react';
import type { AgentChannel, AttuneBridge } from '../../../shared/ipc-contract';
import { applyImportProgress, IDLE_IMPORT, lastImportIdOf, type ImportState } from './import-progress';

export interface CallImport {
  state: ImportState;
  /** Stored with the imported calls; empty means "Agent". */
  agentName: string;
  setAgentName: (name: string) => void;
  agentChannel: AgentChannel;
  setAgentChannel: (channel: AgentChannel) => void;
  /** Opens the dialog for files or folders, then imports what was chosen. */
  choose: (kind: 'files' | 'folder') => void;
  /** Imports these files and folders (e.g. dropped on the Library). */
  importPaths: (paths: string[]) => void;
  /** Says why nothing was imported (e.g. a drop without files on disk). */
  fail: (message: string) => void;
  /** Forgets the last import's outcome list. */
  dismiss: () => void;
}

export function useCallImport(bridge: AttuneBridge): CallImport {
  const [state, setState] = useState<ImportState>(IDLE_IMPORT);
  const [agentName, setAgentName] = useState('');
  const [agentChannel, setAgentChannel] = useState<AgentChannel>('left');

  useEffect(() => bridge.onImportProgress((progress) => setState((previous) => applyImportProgress(previous, progress))), [bridge]);

  const fail = useCallback((message: string) => {
    setState((previous) => ({
      tag: 'failed',
      lastImportId: lastImportIdOf(previous),
      error: message,
      outcomes: previous.tag === 'running' ? previous.outcomes.filter((outcome) => outcome !== undefined) : [],
    }));
  }, []);
  const failWith = useCallback((error: unknown) => fail(error instanceof Error ? error.message : String(error)), [fail]);

  const run = useCallback(
    (paths: string[]) => {
      bridge.importCalls({ paths, agentChannel, agentName: agentName.trim() }).then((result) => {
        // The answer is the last word on this import (pushes may still be on their way; they are ignored).
        if (result.ok) setState({ tag: 'finished', importId: result.importId, summary: result.summary, outcomes: result.outcomes });
        else fail(result.error);
      }, failWith);
    },
    [bridge, agentChannel, agentName, fail, failWith],
  );

  const choose = useCallback(
    (kind: 'files' | 'folder') => {
      setState((previous) => ({ tag: 'starting', lastImportId: lastImportIdOf(previous) }));
      bridge.chooseImportSources(kind).then((paths) => {
        if (paths === null) setState((previous) => ({ tag: 'idle', lastImportId: lastImportIdOf(previous) }));
        else run(paths);
      }, failWith);
    },
    [bridge, run, failWith],
  );

  const importPaths = useCallback(
    (paths: string[]) => {
      setState((previous) => ({ tag: 'starting', lastImportId: lastImportIdOf(previous) }));
      run(paths);
    },
    [run],
  );

  const dismiss = useCallback(() => setState((previous) => ({ tag: 'idle', lastImportId: lastImportIdOf(previous) })), []);
  return { state, agentName, setAgentName, agentChannel, setAgentChannel, choose, importPaths, fail, dismiss };
}
