// Shown while main analyses a recording. Indeterminate: the analysis API does not report progress yet.

import type { ReactElement } from 'react';

export function AnalysisProgress({ fileName }: { fileName: string }): ReactElement {
  return (
    <div className="analysis-progress" role="status" aria-live="polite" data-testid="analysis-progress">
      <p>
        Analysing <strong>{fileName}</strong>…
      </p>
      <div className="progress-track" role="progressbar" aria-label={`Analysing ${fileName}`}>
        <div className="progress-bar" />
      </div>
    </div>
  );
}
