// The overlay's view of the call: main's live updates folded into a dashboard, starting from the
// status main reports when the overlay opens mid-call.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { LiveUpdate } from '../../../shared/live';
import { dismissCard, IDLE_DASHBOARD, reduceLiveUpdate, type LiveDashboard } from '../live/live-dashboard';

export interface OverlayDashboard {
  dashboard: LiveDashboard;
  dismiss: () => void;
  /** The call's audio time as of the latest update, for marks; undefined when idle. */
  elapsedMsNow: () => number | undefined;
}

export function useOverlayDashboard(bridge: AttuneBridge): OverlayDashboard {
  const [dashboard, setDashboard] = useState<LiveDashboard>(IDLE_DASHBOARD);
  // Written by the update listener (not during render), read by command handlers.
  const elapsedMsRef = useRef<number | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const apply = (update: LiveUpdate): void => {
      if (update.type === 'metrics') elapsedMsRef.current = update.elapsedMs;
      if (update.type === 'saved' || update.type === 'stopped') elapsedMsRef.current = undefined;
      setDashboard((state) => reduceLiveUpdate(state, update));
    };
    const unsubscribe = bridge.onLiveUpdate((update) => {
      if (current) apply(update);
    });
    bridge.getLiveStatus().then(
      (status) => {
        if (!current || status.state !== 'live') return;
        setDashboard((state) => {
          // Updates that arrived meanwhile are newer than the status; keep them.
          if (state.phase === 'live') return state;
          const started = reduceLiveUpdate(state, { type: 'started', startedAt: status.startedAt, agentName: status.agentName });
          return status.lastSnapshot ? reduceLiveUpdate(started, status.lastSnapshot) : started;
        });
      },
      () => undefined,
    );
    return () => {
      current = false;
      unsubscribe();
    };
  }, [bridge]);

  const dismiss = useCallback(() => setDashboard(dismissCard), []);
  const elapsedMsNow = useCallback(() => elapsedMsRef.current, []);
  return { dashboard, dismiss, elapsedMsNow };
}
