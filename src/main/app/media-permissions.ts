// Which permission requests and checks the session grants, and how a getDisplayMedia request is
// answered. Electron-free so the decisions are unit-tested; `security.ts` wires them to the session.
//
// Attune needs exactly two things from the browser: the microphone (and, on Linux, the output
// monitor, which Chromium lists as a microphone) through getUserMedia, and the system audio through
// getDisplayMedia on Windows and macOS. Since Electron 45 a getDisplayMedia call reaches the permission
// handler as 'display-capture' (with video and audio media types), separately from 'media'.

import { isAppPageUrl, type AppPages } from './app-pages';

/** The permission names Attune grants; every other permission is refused. */
export type GrantablePermission = 'media' | 'display-capture';

export interface PermissionRequestFacts {
  permission: string;
  /** The page asking: only the app's own pages may capture audio. */
  requestingUrl: string;
  isMainFrame: boolean;
  /** For 'media' and 'display-capture': which kinds of capture the page asked for. */
  mediaTypes: ReadonlyArray<'video' | 'audio'> | undefined;
}

/**
 * A request: 'media' for audio only (a camera is never needed, so a request that includes video is
 * refused); 'display-capture' (the getDisplayMedia flow, which must ask for video: Chromium has no
 * audio-only display capture, and the renderer stops the video track at once). Only top frames of
 * the app's own pages.
 */
export function shouldGrantPermissionRequest(facts: PermissionRequestFacts, pages: AppPages): boolean {
  if (!facts.isMainFrame || !isAppPageUrl(facts.requestingUrl, pages)) return false;
  const types = facts.mediaTypes ?? [];
  switch (facts.permission) {
    case 'media':
      return types.length > 0 && types.every((type) => type === 'audio');
    case 'display-capture':
      return types.includes('audio');
    default:
      return false;
  }
}

export interface PermissionCheckFacts {
  permission: string;
  /** The URL of the page checking, when Electron knows it (the web contents' URL otherwise). */
  requestingUrl: string;
  /** For 'media' checks: which device kind ('unknown' when Chromium does not say). */
  mediaType: 'video' | 'audio' | 'unknown' | undefined;
}

/**
 * A check (Chromium asks before a request, and enumerateDevices asks before it reveals device labels,
 * which the Linux monitor fallback needs to find the monitor by name): the microphone only.
 */
export function shouldGrantPermissionCheck(facts: PermissionCheckFacts, pages: AppPages): boolean {
  if (!isAppPageUrl(facts.requestingUrl, pages)) return false;
  switch (facts.permission) {
    case 'media':
      return facts.mediaType === 'audio';
    default:
      return false;
  }
}

export interface DisplayMediaRequestFacts {
  /** URL of the requesting frame; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** True when the requesting frame is a top-level frame (not an iframe). */
  isTopFrame: boolean;
  audioRequested: boolean;
}

export type DisplayMediaAnswer =
  /** Answer with the requesting frame as the video source and the system audio as 'loopback'. */
  | { tag: 'loopback' }
  | { tag: 'deny'; reason: string };

/**
 * getDisplayMedia from an app page gets the system audio ('loopback' — never 'loopbackWithMute', which
 * would silence the customer for the agent) and, because Chromium insists on a video track, a capture
 * of the requesting page itself (no screen-recording prompt, no picker). Anything else is refused.
 */
export function answerDisplayMediaRequest(facts: DisplayMediaRequestFacts, pages: AppPages): DisplayMediaAnswer {
  if (facts.frameUrl === null) return { tag: 'deny', reason: 'the requesting frame is gone' };
  // A WebFrameMain grant captures the whole tab containing the frame, so an iframe must never get one.
  if (!facts.isTopFrame) return { tag: 'deny', reason: 'only a top-level Attune page may capture' };
  if (!isAppPageUrl(facts.frameUrl, pages)) return { tag: 'deny', reason: `not an Attune page: ${facts.frameUrl}` };
  if (!facts.audioRequested) return { tag: 'deny', reason: 'Attune captures the system audio only; audio was not requested' };
  return { tag: 'loopback' };
}
