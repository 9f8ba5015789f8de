// Tells the window's components that a call's outcome was saved, so the customer's history beside the
// form (or any other view of it) reloads without the page that embeds both having to wire them.

import type { CallOutcomeRecord } from '../../../shared/outcomes';

type OutcomeListener = (record: CallOutcomeRecord) => void;

const listeners = new Set<OutcomeListener>();

/** Subscribes to saved outcomes; returns the unsubscribe function. */
export function onOutcomeSaved(listener: OutcomeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function announceOutcomeSaved(record: CallOutcomeRecord): void {
  for (const listener of [...listeners]) listener(record);
}
