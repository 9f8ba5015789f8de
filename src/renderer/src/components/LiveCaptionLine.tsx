// The live call's caption line, one row per speaker: the words being recognized, then the final
// words, which fade (they are in the stored transcript). Not announced to screen readers: it changes
// several times a second.

import type { ReactElement } from 'react';
import type { TranscriptChannel } from '../../../shared/transcript';
import type { LiveCaptions } from '../lib/live-captions';

/** The end of a long line is what is being said now: keep the last words. */
const MAX_CAPTION_CHARS = 120;

const SPEAKERS: ReadonlyArray<{ channel: TranscriptChannel; label: string }> = [
  { channel: 'agent', label: 'You' },
  { channel: 'customer', label: 'Customer' },
];

export function LiveCaptionLine({ captions }: { captions: LiveCaptions }): ReactElement {
  return (
    <div className="live-captions" aria-label="Live captions" data-testid="live-captions">
      {SPEAKERS.map(({ channel, label }) => {
        const line = captions[channel];
        return (
          <p key={channel} className={`caption caption-${channel}`} data-testid={`caption-${channel}`}>
            <span className="caption-speaker">{label}</span>
            {line === null ? (
              <span className="caption-text caption-empty">…</span>
            ) : (
              <span key={line.sequence} className={`caption-text${line.final ? ' caption-final' : ''}`} data-final={line.final}>
                {line.text.length > MAX_CAPTION_CHARS ? `…${line.text.slice(-MAX_CAPTION_CHARS)}` : line.text}
              </span>
            )}
          </p>
        );
      })}
    </div>
  );
}
