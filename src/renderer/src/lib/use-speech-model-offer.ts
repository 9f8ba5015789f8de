// Whether the Live view's one-time offer of a speech model was dismissed (stored in UiPreferences).

import { useCallback, useEffect, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { updateUiPreferences } from './ui-preferences';

/** dismissed is null until the preferences are read, so the offer does not flash up and vanish. */
export function useSpeechModelOffer(bridge: AttuneBridge): { dismissed: boolean | null; dismiss: () => void } {
  const [dismissed, setDismissed] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    bridge.getUiPreferences().then(
      (preferences) => {
        if (current) setDismissed(preferences.speechModelOfferDismissed === true);
      },
      // Unreadable preferences: offer it; dismissing it writes them afresh.
      () => {
        if (current) setDismissed(false);
      },
    );
    return () => {
      current = false;
    };
  }, [bridge]);
  const dismiss = useCallback(() => {
    setDismissed(true);
    // Hidden at once; if it cannot be stored, it is offered again next time, which is harmless.
    updateUiPreferences(bridge, { speechModelOfferDismissed: true }).catch(() => undefined);
  }, [bridge]);
  return { dismissed, dismiss };
}
