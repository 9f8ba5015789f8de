// The app's own URL schemes: attune-model: (speech models, for the hidden recognizer) and
// attune-recording: (stored calls' recordings, for the replay in the main window). Electron takes
// one registerSchemesAsPrivileged call before 'ready' (a second replaces the first), so both are here.

import { protocol, type Session } from 'electron';
import { MODEL_SCHEME } from '../models/model-protocol';
import { handleRecordingRequest, RECORDING_SCHEME } from '../replay/recording-protocol';

export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // Fetched, streamed, by the recognizer's worker (a blob: origin, hence CORS).
    { scheme: MODEL_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
    // Played by an <audio> element, which seeks with Range requests: streaming is what media needs.
    { scheme: RECORDING_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves stored calls' recordings to the main window's session (the CSP's media-src allows the scheme). */
export function installRecordingProtocol(session: Session, recordingPathOf: (callId: number) => string | null): void {
  session.protocol.handle(RECORDING_SCHEME, (request) =>
    handleRecordingRequest(recordingPathOf, { url: request.url, method: request.method, range: request.headers.get('range') }),
  );
}
