// Locks down every web contents and the session: CSP header, no navigation, no popups, no permissions.

import { app, type Session, type WebContents } from 'electron';
import { isAppPageUrl, type AppPages } from './app-pages';
import { buildContentSecurityPolicy } from './content-security-policy';

/** Adds the CSP response header to the app's own pages (the meta tag in index.html is the backstop). */
export function installContentSecurityPolicyHeader(session: Session, pages: AppPages): void {
  const policy = buildContentSecurityPolicy(pages.tag === 'devServer' ? { devServerOrigin: pages.origin } : {});
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppPageUrl(details.url, pages)) {
      callback({});
      return;
    }
    // Drop any differently-cased copy so ours is the only policy in force.
    const otherHeaders = Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
    callback({ responseHeaders: { ...Object.fromEntries(otherHeaders), 'Content-Security-Policy': [policy] } });
  });
}

/** Attune needs no camera, microphone, notifications, … yet; deny them all until a feature asks. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function hardenWebContents(contents: WebContents): void {
  // The UI is a single page: any navigation (a dropped file, a stray link) would replace it with
  // content we did not ship, so all of it is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No popups or new windows: the app has nothing to open in one, and remote content stays out.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies `hardenWebContents` to every web contents the app will ever create. Call before the first window. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
