// The Analyse view's state machine: idle → analysing → done | failed, one request at a time.

import { useCallback, useRef, useState } from 'react';
import type { CallAnalysis } from '../../../shared/call-analysis';
import type { AgentChannel } from '../../../shared/ipc-contract';
import { attuneBridge } from './attune-bridge';
import { fileNameOf } from './format';

export type AnalysisState =
  | { tag: 'idle' }
  | { tag: 'analysing'; fileName: string }
  | { tag: 'done'; fileName: string; analysis: CallAnalysis; agentChannel: AgentChannel }
  | { tag: 'failed'; fileName: string | null; error: string };

export interface CallAnalysisControls {
  state: AnalysisState;
  /** Analyses the file at `path`; a newer call supersedes an older one still in flight. */
  analysePath: (path: string, agentChannel: AgentChannel) => void;
  /** Shows a problem found before anything was sent to main (e.g. a dropped .mp3). */
  fail: (error: string, fileName?: string) => void;
  reset: () => void;
}

export function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // Electron prefixes rejected invokes with "Error invoking remote method 'attune:x': Error: ".
  return raw.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

export function useCallAnalysis(): CallAnalysisControls {
  const [state, setState] = useState<AnalysisState>({ tag: 'idle' });
  // Identifies the latest request so a slow earlier analysis cannot overwrite a newer one.
  const latestRequest = useRef(0);

  const analysePath = useCallback((path: string, agentChannel: AgentChannel) => {
    const requestId = ++latestRequest.current;
    const fileName = fileNameOf(path);
    setState({ tag: 'analysing', fileName });
    let pending: ReturnType<ReturnType<typeof attuneBridge>['analyzeCallFile']>;
    try {
      pending = attuneBridge().analyzeCallFile({ path, agentChannel });
    } catch (error) {
      setState({ tag: 'failed', fileName, error: messageOf(error) });
      return;
    }
    pending.then(
      (result) => {
        if (requestId !== latestRequest.current) return;
        setState(result.ok ? { tag: 'done', fileName, analysis: result.analysis, agentChannel } : { tag: 'failed', fileName, error: result.error });
      },
      (error: unknown) => {
        if (requestId !== latestRequest.current) return;
        setState({ tag: 'failed', fileName, error: messageOf(error) });
      },
    );
  }, []);

  const fail = useCallback((error: string, fileName?: string) => {
    latestRequest.current += 1;
    setState({ tag: 'failed', fileName: fileName ?? null, error });
  }, []);

  const reset = useCallback(() => {
    latestRequest.current += 1;
    setState({ tag: 'idle' });
  }, []);

  return { state, analysePath, fail, reset };
}
