// The coaching settings as main stores them (defaults until loaded), reloaded when a call starts so
// the band and timer shown match what the coach uses.

import { useEffect, useState } from 'react';
import { DEFAULT_COACHING_SETTINGS, type CoachingSettings } from '../../../shared/live';
import type { AttuneBridge } from '../../../shared/ipc-contract';

export function useCoachingSettings(bridge: AttuneBridge): CoachingSettings {
  const [settings, setSettings] = useState<CoachingSettings>(DEFAULT_COACHING_SETTINGS);
  useEffect(() => {
    let current = true;
    const load = (): void => {
      bridge.getCoachingSettings().then(
        (loaded) => {
          if (current) setSettings(loaded);
        },
        () => undefined,
      );
    };
    load();
    const unsubscribe = bridge.onLiveUpdate((update) => {
      if (update.type === 'started') load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [bridge]);
  return settings;
}
