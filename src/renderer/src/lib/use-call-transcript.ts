// A stored call's transcript, scorecard and transcription state for as long as its report is shown.
// While the call waits for or is in background transcription, main's status pushes carry the progress;
// once the background transcriber is no longer busy with it, the transcript is read again.

import { useEffect, useRef, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { BackgroundTranscriptionProgress, CallTranscript } from '../../../shared/transcription';
import { messageOf } from './use-call-analysis';

export type CallTranscriptState =
  | { tag: 'loading' }
  | { tag: 'loaded'; transcript: CallTranscript }
  /** No call has this id (any more). */
  | { tag: 'missing' }
  | { tag: 'failed'; error: string };

export function useCallTranscript(bridge: AttuneBridge, callId: number): { transcript: CallTranscriptState; background: BackgroundTranscriptionProgress | null } {
  const [loaded, setLoaded] = useState<{ callId: number; state: CallTranscriptState } | null>(null);
  const [background, setBackground] = useState<BackgroundTranscriptionProgress | null>(null);
  const latest = useRef<CallTranscriptState>({ tag: 'loading' });

  useEffect(() => {
    let current = true;
    let fetching = false;
    const load = (): void => {
      if (fetching) return;
      fetching = true;
      bridge.getCallTranscript(callId).then(
        (transcript) => {
          fetching = false;
          if (!current) return;
          const state: CallTranscriptState = transcript === null ? { tag: 'missing' } : { tag: 'loaded', transcript };
          latest.current = state;
          setLoaded({ callId, state });
        },
        (error: unknown) => {
          fetching = false;
          if (!current) return;
          const state: CallTranscriptState = { tag: 'failed', error: messageOf(error) };
          latest.current = state;
          setLoaded({ callId, state });
        },
      );
    };
    const unsubscribe = bridge.onTranscriptionUpdate((update) => {
      if (update.type !== 'status' || !current) return;
      setBackground(update.status.background);
      const shown = latest.current;
      if (shown.tag !== 'loaded') return;
      const busyWithThisCall = update.status.background.current?.callId === callId;
      // Its turn came, or it is finished: read it again (the progress of a running one is in the push).
      const started = shown.transcript.state === 'queued' && busyWithThisCall;
      const finished = shown.transcript.state === 'running' && !busyWithThisCall;
      if (started || finished) load();
    });
    latest.current = { tag: 'loading' };
    load();
    return () => {
      current = false;
      unsubscribe();
    };
  }, [bridge, callId]);

  return { transcript: loaded?.callId === callId ? loaded.state : { tag: 'loading' }, background };
}
