// The one IPC name between main and a hidden recognizer window: main posts the page's end of a
// MessageChannelMain on it, and the recognizer preload hands that port on to the page (see
// src/preload/recognizer.ts). Everything after that runs on the port (src/shared/recognizer-protocol.ts).

export const RECOGNIZER_PORT_CHANNEL = 'attune:recognizer-port';
