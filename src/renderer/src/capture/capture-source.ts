// Where the two channels come from, as the agent chose them in the Live view.

/** The customer's side when the agent's microphone is a separate device. */
export type SystemAudioChoice =
  /** Windows/macOS: the speakers' mix through getDisplayMedia (main answers with audio 'loopback'). */
  | { kind: 'loopback' }
  /** Linux: a PulseAudio/PipeWire monitor source ("Monitor of …"), opened like a microphone. */
  | { kind: 'monitor-device'; deviceId: string }
  /** Nothing usable yet (e.g. Linux without a listed monitor): the call cannot start. */
  | { kind: 'none' };

export type CaptureSource =
  /** Agent: a microphone; customer: the system audio. */
  | { kind: 'separate'; microphoneId: string | null; system: SystemAudioChoice }
  /** One stereo input: left is the agent, right the customer (desk-phone taps, 2-channel USB interfaces). */
  | { kind: 'stereo-input'; deviceId: string | null };

export type CaptureSourceKind = CaptureSource['kind'];

export type Platform = 'windows' | 'macos' | 'linux';

/** The OS the renderer runs on, from the user agent (the sandboxed renderer has no `process`). */
export function detectPlatform(userAgent: string): Platform {
  if (/Windows/i.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'macos';
  return 'linux';
}

/** PulseAudio and PipeWire name a monitor source "Monitor of <sink>"; the remapped one is attune_monitor. */
export function isMonitorDevice(label: string): boolean {
  return /monitor of|attune_monitor/i.test(label);
}

/** The command that exposes the default output's monitor as a source Chromium lists. */
export const PACTL_REMAP_MONITOR_COMMAND = 'pactl load-module module-remap-source master=@DEFAULT_MONITOR@ source_name=attune_monitor';
