// UiPreferences are stored as one object: a change to one field reads the others first, so the consent
// reminder and the speech-model offer cannot overwrite each other's answer.

import type { AttuneBridge, UiPreferences } from '../../../shared/ipc-contract';

export async function updateUiPreferences(bridge: AttuneBridge, patch: Partial<UiPreferences>): Promise<UiPreferences> {
  const current = await bridge.getUiPreferences();
  return bridge.setUiPreferences({ ...current, ...patch });
}
