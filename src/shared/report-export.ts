// Exporting a stored call's report (HTML or PDF) from the app: what the IPC method answers.

export type CallReportFormat = 'html' | 'pdf';

/** written: the path the report went to; cancelled: the save dialog was closed; failed: one sentence. */
export type ExportCallReportResult = { outcome: 'written'; path: string } | { outcome: 'cancelled' } | { outcome: 'failed'; error: string };
