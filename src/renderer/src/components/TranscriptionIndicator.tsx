// A small pill in the Live view saying what happens to speech: transcribed, no model (timing only), or
// the model failed and why.

import type { ReactElement } from 'react';
import type { SpeechModelsStatus } from '../../../shared/transcription';
import { transcriptionIndicator } from '../lib/speech-model-text';

export function TranscriptionIndicator({ status, callLive }: { status: SpeechModelsStatus; callLive: boolean }): ReactElement {
  const { text, tone } = transcriptionIndicator(status.transcription, status.models, callLive);
  return (
    <span className={`transcription-indicator transcription-indicator-${tone}`} role="status" data-testid="transcription-indicator" data-state={status.transcription.state} title={text}>
      <span className="transcription-indicator-dot" aria-hidden="true" />
      <span className="transcription-indicator-text">{text}</span>
    </span>
  );
}
