// Watches both capture channels for digital silence, pure: a channel that has carried nothing but
// exact zeros since the call started, for 10 s while the other side talked, is not a quiet person but
// a capture that delivers nothing (macOS gives no error when System Audio Recording is not allowed).
// Only from the start: once a channel has carried sound, stretches of zeros are normal — VoIP lines
// gate silence to digital zero, and a clean line may be exactly silent while the agent explains —
// and a track lost mid-call is reported by the capture as 'track-ended'. Reported once per channel.

import type { Speaker } from '../../shared/call-analysis';
import { FRAME_DURATION_MS } from '../analysis/options';

export interface ChannelHealthOptions {
  /** Digital silence at least this long (ms) is a problem. Default 10 000. */
  silentMs: number;
  /** …if the other side talked at least this long (ms) within it. Default 3 000. */
  otherTalkMs: number;
}

export const DEFAULT_CHANNEL_HEALTH_OPTIONS: Readonly<ChannelHealthOptions> = Object.freeze({ silentMs: 10_000, otherTalkMs: 3_000 });

interface ChannelWatch {
  /** Whether the channel has carried any non-zero sample yet. */
  heard: boolean;
  /** Length of digital silence since the call started. */
  silentRunMs: number;
  /** How long the other side talked in that time. */
  otherTalkInRunMs: number;
  reported: boolean;
}

export interface ChannelHealthState {
  agent: ChannelWatch;
  customer: ChannelWatch;
}

export function initialChannelHealth(): ChannelHealthState {
  const watch = (): ChannelWatch => ({ heard: false, silentRunMs: 0, otherTalkInRunMs: 0, reported: false });
  return { agent: watch(), customer: watch() };
}

export interface SilentChannelFinding {
  channel: Speaker;
  message: string;
}

/** Whether every sample of a frame is exactly zero. */
export function isDigitalSilence(samples: Int16Array): boolean {
  for (let i = 0; i < samples.length; i++) if (samples[i] !== 0) return false;
  return true;
}

/**
 * One 10 ms frame: whether each channel was all zeros and whether each side is talking (an open
 * segment). Mutates `state`; returns the channels that just became a problem.
 */
export function stepChannelHealth(
  state: ChannelHealthState,
  digitalSilence: Readonly<Record<Speaker, boolean>>,
  talking: Readonly<Record<Speaker, boolean>>,
  options: ChannelHealthOptions = DEFAULT_CHANNEL_HEALTH_OPTIONS,
): SilentChannelFinding[] {
  const findings: SilentChannelFinding[] = [];
  for (const channel of ['agent', 'customer'] as const) {
    const watch = state[channel];
    if (watch.heard || watch.reported) continue;
    if (!digitalSilence[channel]) {
      watch.heard = true;
      continue;
    }
    watch.silentRunMs += FRAME_DURATION_MS;
    if (talking[channel === 'agent' ? 'customer' : 'agent']) watch.otherTalkInRunMs += FRAME_DURATION_MS;
    if (!watch.reported && watch.silentRunMs >= options.silentMs && watch.otherTalkInRunMs >= options.otherTalkMs) {
      watch.reported = true;
      findings.push({ channel, message: silentChannelMessage(channel, options.silentMs) });
    }
  }
  return findings;
}

function silentChannelMessage(channel: Speaker, silentMs: number): string {
  const seconds = Math.round(silentMs / 1000);
  return channel === 'agent'
    ? `The microphone has delivered no sound at all since the call started (${seconds} s) while the customer talked. Check that the right microphone is chosen, plugged in and not muted.`
    : `The customer's audio has delivered no sound at all since the call started (${seconds} s) while you talked. Check that Attune may record system audio (on macOS: System Settings › Privacy & Security › Screen & System Audio Recording) and that the right output is captured.`;
}
