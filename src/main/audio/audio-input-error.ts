// The one error type for "this recording can't be analysed": its message is a single user-facing line
// that the app shows and the CLI prints as-is. Anything else that escapes is a bug, not a user error.

/** Why the input was rejected, for callers (IPC, UI) that want to react to the kind, not the wording. */
export type AudioInputErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'not-wav'
  | 'corrupt'
  | 'truncated'
  | 'unsupported-encoding'
  | 'unsupported-sample-rate'
  | 'not-stereo'
  | 'invalid-audio';

export class AudioInputError extends Error {
  override readonly name = 'AudioInputError';
  readonly code: AudioInputErrorCode;

  /** `message` is one line, written for the person who picked the file. */
  constructor(message: string, code: AudioInputErrorCode = 'invalid-audio', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isAudioInputError(error: unknown): error is AudioInputError {
  return error instanceof AudioInputError;
}
