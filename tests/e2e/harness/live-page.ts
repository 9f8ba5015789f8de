// Steps of the Live view the live tests share: open it, acknowledge the consent reminder, choose the
// stereo input, read the level meters, and wait for a quiet stretch of the looping fake call.

import type { Page } from '@playwright/test';
import { expect } from './attune-fixture';

export async function openLiveView(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Live' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
}

export async function levels(page: Page): Promise<{ agentDb: number; customerDb: number }> {
  const read = async (speaker: 'agent' | 'customer'): Promise<number> => {
    const value = await page.getByTestId(`level-${speaker}`).getAttribute('data-value');
    return value === null || value === '' ? Number.NaN : Number(value);
  };
  return { agentDb: await read('agent'), customerDb: await read('customer') };
}

/** A voice in the fake call peaks near −11 dBFS; its noise floor near −57 dBFS. */
export const LOUD_DB = -30;
export const QUIET_DB = -45;

export interface MeterObservation {
  agentLoud: boolean;
  agentQuiet: boolean;
  customerLoud: boolean;
  customerQuiet: boolean;
}

/**
 * Polls the meters until both channels have been seen loud and quiet (they move) and then the call
 * is in the quiet stretch that follows the customer's turn; returns what was seen. Polling the
 * meters is the only way to know where the looping fake microphone is.
 */
export async function waitForQuietAfterCustomer(page: Page, timeoutMs = 40_000): Promise<MeterObservation> {
  const seen: MeterObservation = { agentLoud: false, agentQuiet: false, customerLoud: false, customerQuiet: false };
  const deadline = Date.now() + timeoutMs;
  let customerJustTalked = false;
  let quietReads = 0;
  while (Date.now() < deadline) {
    const { agentDb, customerDb } = await levels(page);
    seen.agentLoud ||= agentDb > LOUD_DB;
    seen.agentQuiet ||= agentDb < QUIET_DB;
    seen.customerLoud ||= customerDb > LOUD_DB;
    seen.customerQuiet ||= customerDb < QUIET_DB;
    if (customerDb > LOUD_DB) {
      customerJustTalked = true;
      quietReads = 0;
    } else if (customerJustTalked && agentDb < QUIET_DB && customerDb < QUIET_DB) {
      quietReads += 1;
      if (quietReads >= 3 && seen.agentLoud && seen.agentQuiet && seen.customerQuiet) return seen;
    } else {
      quietReads = 0;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no quiet stretch after the customer's turn within ${timeoutMs} ms; meters seen: ${JSON.stringify(seen)}`);
}
