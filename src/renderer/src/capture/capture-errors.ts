// Turns getUserMedia/getDisplayMedia failures into one user-facing sentence and a problem kind.

import type { CaptureChannel, CaptureProblemKind } from '../../../shared/live';

export class CaptureError extends Error {
  constructor(
    readonly channel: CaptureChannel | null,
    /** The kind main knows, when there is one; other failures are shown here only. */
    readonly problem: CaptureProblemKind | null,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

function deviceNoun(channel: CaptureChannel | null): string {
  switch (channel) {
    case 'agent':
      return 'your microphone';
    case 'customer':
      return "the customer's audio";
    case null:
      return 'the audio input';
    default: {
      const unreachable: never = channel;
      return String(unreachable);
    }
  }
}

/** Maps a DOMException from the media APIs to a CaptureError for `channel`. */
export function captureErrorFrom(error: unknown, channel: CaptureChannel | null): CaptureError {
  if (error instanceof CaptureError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const noun = deviceNoun(channel);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CaptureError(
        channel,
        'permission-denied',
        `Attune is not allowed to use ${noun}. Allow microphone (and, on macOS, System Audio Recording) access for Attune in your system's privacy settings, then try again.`,
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CaptureError(channel, null, `The device chosen for ${noun} is not connected. Plug it in or choose another one.`);
    case 'NotReadableError':
    case 'AbortError':
      return new CaptureError(channel, null, `The device chosen for ${noun} is in use or not working. Close other apps using it, or choose another one.`);
    default:
      return new CaptureError(channel, null, `Attune could not open ${noun}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
