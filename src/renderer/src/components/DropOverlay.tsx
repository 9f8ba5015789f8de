// Full-window hint while files are dragged over the app.

import type { ReactElement } from 'react';

export function DropOverlay({ message = 'Drop the WAV recording to analyse it' }: { message?: string | undefined }): ReactElement {
  return (
    <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
      <div className="drop-overlay-panel">{message}</div>
    </div>
  );
}
