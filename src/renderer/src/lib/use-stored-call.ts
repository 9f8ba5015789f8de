// Loads one stored call from main for as long as a view shows it: loading → loaded | missing | failed.

import { useEffect, useState } from 'react';
import type { StoredCall } from '../../../shared/calls';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { messageOf } from './use-call-analysis';

export type StoredCallState =
  | { tag: 'loading' }
  | { tag: 'loaded'; call: StoredCall }
  /** No call has this id (any more). */
  | { tag: 'missing' }
  | { tag: 'failed'; error: string };

export function useStoredCall(bridge: AttuneBridge, callId: number): StoredCallState {
  // Keyed by id, so a new id reads as loading at once, before its answer arrives.
  const [loaded, setLoaded] = useState<{ callId: number; state: StoredCallState } | null>(null);
  useEffect(() => {
    let current = true;
    bridge.getCall(callId).then(
      (call) => {
        if (current) setLoaded({ callId, state: call === null ? { tag: 'missing' } : { tag: 'loaded', call } });
      },
      (error: unknown) => {
        if (current) setLoaded({ callId, state: { tag: 'failed', error: messageOf(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, callId]);
  return loaded?.callId === callId ? loaded.state : { tag: 'loading' };
}
