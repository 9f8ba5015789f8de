// Speech models, the recognizer's state and background transcription as main reports them: loaded
// once, then kept current by main's pushes on the transcription channel.

import { useCallback, useEffect, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { SpeechModelsStatus } from '../../../shared/transcription';
import { messageOf } from './use-call-analysis';

export type SpeechModelsState = { tag: 'loading' } | { tag: 'loaded'; status: SpeechModelsStatus } | { tag: 'failed'; error: string };

export function useSpeechModels(bridge: AttuneBridge): { models: SpeechModelsState; setStatus: (status: SpeechModelsStatus) => void } {
  const [models, setModels] = useState<SpeechModelsState>({ tag: 'loading' });
  useEffect(() => {
    let current = true;
    // Subscribed before asking, so a change between the answer and the subscription is not missed.
    const unsubscribe = bridge.onTranscriptionUpdate((update) => {
      if (update.type === 'status' && current) setModels({ tag: 'loaded', status: update.status });
    });
    bridge.getSpeechModels().then(
      (status) => {
        // A push may already have brought a newer status; the answer is at most as new.
        if (current) setModels((previous) => (previous.tag === 'loaded' ? previous : { tag: 'loaded', status }));
      },
      (error: unknown) => {
        if (current) setModels((previous) => (previous.tag === 'loaded' ? previous : { tag: 'failed', error: `The speech models could not be listed: ${messageOf(error)}` }));
      },
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [bridge]);
  const setStatus = useCallback((status: SpeechModelsStatus) => setModels({ tag: 'loaded', status }), []);
  return { models, setStatus };
}
