// "Export report" for a stored call: HTML (self-contained) or PDF, written where the user picks in the
// save dialog; says where it went, or why not, in one line. For the replay view and the library.

import { useState, type ReactElement } from 'react';
import type { AttuneIpcApi } from '../../../shared/ipc-contract';
import type { CallReportFormat } from '../../../shared/report-export';
import { attuneBridge } from '../lib/attune-bridge';
import { fileNameOf } from '../lib/format';
import { messageOf } from '../lib/use-call-analysis';
import '../styles/export.css';

type ExportState = { tag: 'ready' } | { tag: 'exporting'; format: CallReportFormat } | { tag: 'written'; path: string } | { tag: 'failed'; error: string };

export interface ExportReportButtonsProps {
  callId: number;
  /** Default: the window's bridge. */
  bridge?: Pick<AttuneIpcApi, 'exportCallReport'>;
}

export function ExportReportButtons({ callId, bridge }: ExportReportButtonsProps): ReactElement {
  const [state, setState] = useState<ExportState>({ tag: 'ready' });

  const exportAs = (format: CallReportFormat): void => {
    setState({ tag: 'exporting', format });
    (bridge ?? attuneBridge())
      .exportCallReport(callId, format)
      .then(
        (result) => {
          switch (result.outcome) {
            case 'written':
              return setState({ tag: 'written', path: result.path });
            case 'cancelled':
              return setState({ tag: 'ready' });
            case 'failed':
              return setState({ tag: 'failed', error: result.error });
            default: {
              const unreachable: never = result;
              return unreachable;
            }
          }
        },
        (error: unknown) => setState({ tag: 'failed', error: messageOf(error) }),
      );
  };

  const busy = state.tag === 'exporting';
  return (
    <div className="export-report" data-testid="export-report">
      <button type="button" className="button" onClick={() => exportAs('html')} disabled={busy} data-testid="export-html">
        {state.tag === 'exporting' && state.format === 'html' ? 'Exporting…' : 'Export HTML…'}
      </button>
      <button type="button" className="button" onClick={() => exportAs('pdf')} disabled={busy} data-testid="export-pdf">
        {state.tag === 'exporting' && state.format === 'pdf' ? 'Exporting…' : 'Export PDF…'}
      </button>
      {state.tag === 'written' && (
        <span role="status" className="export-report-status" data-testid="export-status" title={state.path}>
          Report saved as {fileNameOf(state.path)}.
        </span>
      )}
      {state.tag === 'failed' && (
        <span role="alert" className="field-error" data-testid="export-error">
          {state.error}
        </span>
      )}
    </div>
  );
}
