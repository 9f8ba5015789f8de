import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtFilesPages, devServerPages, pageLocation } from '../../../src/main/app/app-pages';
import {
  answerDisplayMediaRequest,
  shouldGrantPermissionCheck,
  shouldGrantPermissionRequest,
  type PermissionRequestFacts,
} from '../../../src/main/app/media-permissions';

const pages = builtFilesPages('/opt/attune/out/renderer', '/opt/attune/out/renderer/index.html');
const mainPage = 'file:///opt/attune/out/renderer/index.html';
const overlayPage = 'file:///opt/attune/out/renderer/overlay.html';

function request(overrides: Partial<PermissionRequestFacts>): PermissionRequestFacts {
  return { permission: 'media', requestingUrl: mainPage, isMainFrame: true, mediaTypes: ['audio'], ...overrides };
}

describe('permission requests', () => {
  it('grants the microphone to the app pages', () => {
    assert.equal(shouldGrantPermissionRequest(request({}), pages), true);
    assert.equal(shouldGrantPermissionRequest(request({ requestingUrl: overlayPage }), pages), true);
  });

  it('refuses a camera, alone or with the microphone, and a media request that names no type', () => {
    assert.equal(shouldGrantPermissionRequest(request({ mediaTypes: ['video'] }), pages), false);
    assert.equal(shouldGrantPermissionRequest(request({ mediaTypes: ['audio', 'video'] }), pages), false);
    assert.equal(shouldGrantPermissionRequest(request({ mediaTypes: [] }), pages), false);
    assert.equal(shouldGrantPermissionRequest(request({ mediaTypes: undefined }), pages), false);
  });

  it('grants the display-media flow (video and audio) but not a video-only screen capture', () => {
    assert.equal(shouldGrantPermissionRequest(request({ permission: 'display-capture', mediaTypes: ['video', 'audio'] }), pages), true);
    assert.equal(shouldGrantPermissionRequest(request({ permission: 'display-capture', mediaTypes: ['video'] }), pages), false);
  });

  it('refuses every other permission, even for the app pages', () => {
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'unknown']) {
      assert.equal(shouldGrantPermissionRequest(request({ permission }), pages), false, permission);
    }
  });

  it('refuses foreign pages and sub-frames', () => {
    assert.equal(shouldGrantPermissionRequest(request({ requestingUrl: 'https://example.com/' }), pages), false);
    assert.equal(shouldGrantPermissionRequest(request({ requestingUrl: 'file:///etc/passwd' }), pages), false);
    assert.equal(shouldGrantPermissionRequest(request({ requestingUrl: 'not a url' }), pages), false);
    assert.equal(shouldGrantPermissionRequest(request({ isMainFrame: false }), pages), false);
  });

  it('trusts the dev server origin only in dev', () => {
    const dev = devServerPages('http://localhost:5173/');
    assert.equal(shouldGrantPermissionRequest(request({ requestingUrl: 'http://localhost:5173/overlay.html' }), dev), true);
    assert.equal(shouldGrantPermissionRequest(request({ requestingUrl: 'http://localhost:5174/' }), dev), false);
  });
});

describe('permission checks', () => {
  it('answers yes to microphone checks from app pages only', () => {
    assert.equal(shouldGrantPermissionCheck({ permission: 'media', requestingUrl: mainPage, mediaType: 'audio' }, pages), true);
    assert.equal(shouldGrantPermissionCheck({ permission: 'media', requestingUrl: mainPage, mediaType: 'video' }, pages), false);
    assert.equal(shouldGrantPermissionCheck({ permission: 'media', requestingUrl: mainPage, mediaType: 'unknown' }, pages), false);
    assert.equal(shouldGrantPermissionCheck({ permission: 'media', requestingUrl: 'https://example.com/', mediaType: 'audio' }, pages), false);
    assert.equal(shouldGrantPermissionCheck({ permission: 'notifications', requestingUrl: mainPage, mediaType: undefined }, pages), false);
  });
});

describe('getDisplayMedia answer', () => {
  it('answers an app page with loopback audio', () => {
    assert.deepEqual(answerDisplayMediaRequest({ frameUrl: mainPage, isTopFrame: true, audioRequested: true }, pages), { tag: 'loopback' });
  });

  it('refuses a gone frame, an iframe, a foreign page and a request without audio', () => {
    const cases = [
      { frameUrl: null, isTopFrame: true, audioRequested: true },
      { frameUrl: mainPage, isTopFrame: false, audioRequested: true },
      { frameUrl: 'https://example.com/', isTopFrame: true, audioRequested: true },
      { frameUrl: mainPage, isTopFrame: true, audioRequested: false },
    ];
    for (const facts of cases) assert.equal(answerDisplayMediaRequest(facts, pages).tag, 'deny', JSON.stringify(facts));
  });
});

describe('page locations', () => {
  it('loads the overlay next to the main page, from files or from the dev server', () => {
    assert.deepEqual(pageLocation(pages, 'index'), { tag: 'file', path: '/opt/attune/out/renderer/index.html' });
    assert.deepEqual(pageLocation(pages, 'overlay'), { tag: 'file', path: '/opt/attune/out/renderer/overlay.html' });
    const dev = devServerPages('http://localhost:5173/');
    assert.deepEqual(pageLocation(dev, 'overlay'), { tag: 'url', url: 'http://localhost:5173/overlay.html' });
    assert.deepEqual(pageLocation(dev, 'index'), { tag: 'url', url: 'http://localhost:5173/' });
  });
});
