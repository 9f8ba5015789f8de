// The Analyse view's state machine: idle → analysing → done | failed, one request at a time. The last
// good report is kept through a new analysis and a failed one (issue 9 §5: a bad file must not throw
// away the report on screen), and re-running with the other agent channel reuses the same file.

import { useCallback, useRef, useState } from 'react';
import type { CallAnalysis } from '../../../shared/call-analysis';
import type { AgentChannel } from '../../../shared/ipc-contract';
import { attuneBridge } from './attune-bridge';
import { fileNameOf } from './format';

/** A finished analysis: what was analysed, how, and the result. */
export interface AnalysedRecording {
  path: string;
  fileName: string;
  analysis: CallAnalysis;
  agentChannel: AgentChannel;
}

export type AnalysisState =
  | { tag: 'idle' }
  | { tag: 'analysing'; fileName: string; previous: AnalysedRecording | null }
  | { tag: 'done'; report: AnalysedRecording }
  | { tag: 'failed'; fileName: string | null; error: string; previous: AnalysedRecording | null };

export interface CallAnalysisControls {
  state: AnalysisState;
  /** Analyses the file at `path`; a newer call supersedes an older one still in flight. */
  analysePath: (path: string, agentChannel: AgentChannel) => void;
  /** Analyses the recording on screen again with the agent on `agentChannel`; nothing when there is none. */
  reanalyse: (agentChannel: AgentChannel) => void;
  /** Shows a problem found before anything was sent to main (e.g. a file with no path on disk). */
  fail: (error: string, fileName?: string) => void;
  /** Dismisses an error: back to the report it kept, or to the start. */
  dismissError: () => void;
  reset: () => void;
}

export function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // Electron prefixes rejected invokes with "Error invoking remote method 'attune:x': Error: ".
  return raw.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

/** The report on screen in `state`, if any. */
export function shownReport(state: AnalysisState): AnalysedRecording | null {
  switch (state.tag) {
    case 'idle':
      return null;
    case 'done':
      return state.report;
    case 'analysing':
    case 'failed':
      return state.previous;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

export function useCallAnalysis(): CallAnalysisControls {
  const [state, setRenderedState] = useState<AnalysisState>({ tag: 'idle' });
  // The latest state, for callbacks that must not be re-created on every change; set with it.
  const stateRef = useRef(state);
  const setState = useCallback((next: AnalysisState) => {
    stateRef.current = next;
    setRenderedState(next);
  }, []);
  // Identifies the latest request so a slow earlier analysis cannot overwrite a newer one.
  const latestRequest = useRef(0);

  const analysePath = useCallback((path: string, agentChannel: AgentChannel) => {
    const requestId = ++latestRequest.current;
    const fileName = fileNameOf(path);
    const previous = shownReport(stateRef.current);
    setState({ tag: 'analysing', fileName, previous });
    const failed = (error: string): void => setState({ tag: 'failed', fileName, error, previous });
    let pending: ReturnType<ReturnType<typeof attuneBridge>['analyzeCallFile']>;
    try {
      pending = attuneBridge().analyzeCallFile({ path, agentChannel });
    } catch (error) {
      failed(messageOf(error));
      return;
    }
    pending.then(
      (result) => {
        if (requestId !== latestRequest.current) return;
        if (result.ok) setState({ tag: 'done', report: { path, fileName, analysis: result.analysis, agentChannel } });
        else failed(result.error);
      },
      (error: unknown) => {
        if (requestId !== latestRequest.current) return;
        failed(messageOf(error));
      },
    );
  }, [setState]);

  const reanalyse = useCallback(
    (agentChannel: AgentChannel) => {
      const report = shownReport(stateRef.current);
      if (report !== null && report.agentChannel !== agentChannel) analysePath(report.path, agentChannel);
    },
    [analysePath],
  );

  const fail = useCallback((error: string, fileName?: string) => {
    latestRequest.current += 1;
    setState({ tag: 'failed', fileName: fileName ?? null, error, previous: shownReport(stateRef.current) });
  }, [setState]);

  const dismissError = useCallback(() => {
    const current = stateRef.current;
    if (current.tag !== 'failed') return;
    setState(current.previous === null ? { tag: 'idle' } : { tag: 'done', report: current.previous });
  }, [setState]);

  const reset = useCallback(() => {
    latestRequest.current += 1;
    setState({ tag: 'idle' });
  }, [setState]);

  return { state, analysePath, reanalyse, fail, dismissError, reset };
}
