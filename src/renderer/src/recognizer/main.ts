// Entry of the hidden recognizer page. The host (the preload of the hidden window, or a test) posts a
// MessagePort with RECOGNIZER_PORT_HANDSHAKE; after that the port carries RecognizerRequest in and
// RecognizerEvent out, and nothing else.

import { RECOGNIZER_PORT_HANDSHAKE, type RecognizerEvent } from '../../../shared/recognizer-protocol';
import { loadModel } from './load-model';
import { createRecognizerSession } from './recognizer-session';

let connected = false;

window.addEventListener('message', (event: MessageEvent) => {
  // Only this page's own origin (its preload) may connect, and only once.
  if (connected || event.origin !== window.location.origin || event.data !== RECOGNIZER_PORT_HANDSHAKE) return;
  const port = event.ports[0];
  if (!port) return;
  connected = true;
  const session = createRecognizerSession({
    emit: (out: RecognizerEvent) => port.postMessage(out),
    loadModel,
  });
  port.onmessage = (message: MessageEvent) => session.handle(message.data);
  port.start();
});
