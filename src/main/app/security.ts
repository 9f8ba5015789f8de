// Locks down every web contents and the session: CSP header, no navigation, no popups, and no
// permissions but the audio capture the app's own pages need.

import { app, type Session, type WebContents } from 'electron';
import { isAppPageUrl, type AppPages } from './app-pages';
import { buildContentSecurityPolicy } from './content-security-policy';
import { answerDisplayMediaRequest, shouldGrantPermissionCheck, shouldGrantPermissionRequest } from './media-permissions';

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

/**
 * Grants the app's own pages the microphone (getUserMedia, audio only) and the system audio
 * (getDisplayMedia: the page itself as the obligatory video source, 'loopback' audio); refuses every
 * other permission and every other page. The decisions are in media-permissions.ts.
 */
export function installMediaPermissions(session: Session, pages: AppPages, logError: (message: string, error: unknown) => void): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(shouldGrantPermissionRequest({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }, pages));
  });
  session.setPermissionCheckHandler((webContents, permission, _requestingOrigin, details) => {
    const requestingUrl = details.requestingUrl ?? webContents?.getURL() ?? '';
    return shouldGrantPermissionCheck({ permission, requestingUrl, mediaType: details.mediaType }, pages);
  });
  session.setDisplayMediaRequestHandler((request, callback) => {
    const frame = request.frame;
    let frameFacts: { frameUrl: string | null; isTopFrame: boolean };
    try {
      frameFacts = { frameUrl: frame?.url ?? null, isTopFrame: frame !== null && frame.parent === null };
    } catch {
      // A frame disposed meanwhile throws on access; it is treated as gone.
      frameFacts = { frameUrl: null, isTopFrame: false };
    }
    const answer = answerDisplayMediaRequest({ ...frameFacts, audioRequested: request.audioRequested }, pages);
    switch (answer.tag) {
      case 'loopback':
        if (frame === null) {
          callback(null);
          return;
        }
        try {
          // Never 'loopbackWithMute': the agent must keep hearing the customer. The renderer stops
          // the video track (a capture of Attune's own page) as soon as it arrives.
          callback({ video: frame, audio: 'loopback' });
        } catch (error) {
          // The frame was destroyed between the request and the answer (Electron throws then).
          logError('attune: answering getDisplayMedia failed', error);
          try {
            callback(null);
          } catch {
            // Already answered or the request is gone: nothing is waiting any more.
          }
        }
        return;
      case 'deny':
        logError(`attune: refused getDisplayMedia (${answer.reason})`, null);
        callback(null);
        return;
      default: {
        const unreachable: never = answer;
        throw new Error(`unknown display media answer ${JSON.stringify(unreachable)}`);
      }
    }
  });
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
