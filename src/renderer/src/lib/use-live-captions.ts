// The live call's caption line: main's caption updates folded per channel, cleared when a call starts.

import { useEffect, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { NO_CAPTIONS, reduceCaption, type LiveCaptions } from './live-captions';

export function useLiveCaptions(bridge: AttuneBridge): LiveCaptions {
  const [captions, setCaptions] = useState<LiveCaptions>(NO_CAPTIONS);
  useEffect(() => {
    const unsubscribeCaptions = bridge.onTranscriptionUpdate((update) => {
      if (update.type === 'caption') setCaptions((state) => reduceCaption(state, update));
    });
    const unsubscribeLive = bridge.onLiveUpdate((update) => {
      if (update.type === 'started') setCaptions(NO_CAPTIONS);
    });
    return () => {
      unsubscribeCaptions();
      unsubscribeLive();
    };
  }, [bridge]);
  return captions;
}
