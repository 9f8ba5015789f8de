// Overlay entry: mounts the heads-up panel in the overlay window.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { attuneBridge } from '../lib/attune-bridge';
import { Overlay } from './Overlay';
import './overlay.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('overlay.html is missing <div id="root">');

createRoot(rootElement).render(
  <StrictMode>
    <Overlay bridge={attuneBridge()} />
  </StrictMode>,
);
