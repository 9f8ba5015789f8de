// The real composition root (src/main/index.ts) run under Node with a stand-in `electron` module
// (support/fake-electron.ts): the library opens in ATTUNE_DATA_DIR, every contract channel is
// handled, both windows are locked down, a call started over IPC and fed over a frame port is
// stored and broadcast to both windows, the shortcuts and the tray act, and quitting stores a call
// still running and closes the library. What this cannot show is Electron itself doing its part;
// tests/e2e/electron-app.spec.ts does that where an Electron binary runs.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { APP_COMMAND_CHANNEL, ATTUNE_IPC_METHODS, channelForMethod, FRAME_PORT_CHANNEL, LIVE_UPDATE_CHANNEL } from '../../../src/shared/ipc-contract';
import type { LiveUpdate } from '../../../src/shared/live';
import { journalLine } from '../../../src/main/recording/call-journal';
import { recordingPaths } from '../../../src/main/recording/recording-files';
import { interleaveStereo, recordingHeader } from '../../../src/main/recording/wav-header';
import { createFakeElectron, FakeBrowserWindow, FakeMessagePortMain } from './support/fake-electron';

const root = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'attune-main-'));
const fake = createFakeElectron(root);
// Run from source, main's renderer folder is src/renderer.
const mainPageUrl = pathToFileURL(join(root, 'src/renderer/index.html')).toString();
const trustedEvent = { senderFrame: { url: mainPageUrl } };

function windowFor(page: string): FakeBrowserWindow {
  const window = FakeBrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith(`/${page}`));
  if (!window) throw new Error(`no window shows ${page}`);
  return window;
}

function invoke(method: string, ...args: unknown[]): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channelForMethod(method as never));
  if (!handler) throw new Error(`no handler for ${method}`);
  return Promise.resolve(handler(trustedEvent, ...args));
}

/** One frame block: `frames` 10 ms frames of a tone on each channel, agent half first. */
function frameBlock(frames: number): ArrayBuffer {
  const n = frames * 160;
  const samples = new Int16Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    samples[i] = Math.round(3000 * Math.sin((2 * Math.PI * 200 * i) / 16_000));
    samples[n + i] = Math.round(3000 * Math.sin((2 * Math.PI * 310 * i) / 16_000));
  }
  return samples.buffer;
}

function liveUpdatesSentTo(window: FakeBrowserWindow): LiveUpdate[] {
  return window.webContents.sent.filter((s) => s.channel === LIVE_UPDATE_CHANNEL).map((s) => s.payload as LiveUpdate);
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await settle();
  assert.ok(condition(), `timed out waiting for ${what}`);
}

/** What a recording process killed mid-call leaves behind: lock of a dead pid, journal, WAV whose header was never fixed. */
function leaveKilledCall(): void {
  const paths = recordingPaths(join(dataDir, 'recordings'), 'call-killed-earlier');
  mkdirSync(join(dataDir, 'recordings'), { recursive: true });
  const deadPid = 2 ** 22 + 4_321;
  writeFileSync(paths.lockPath, `${deadPid}\n`);
  writeFileSync(paths.journalPath, journalLine({ type: 'header', agentName: 'Crashed', startedAt: '2026-12-01T08:00:00.000Z', pid: deadPid }));
  const tone = (hz: number) => Int16Array.from({ length: 32_000 }, (_, i) => Math.round(3000 * Math.sin((2 * Math.PI * hz * i) / 16_000)));
  writeFileSync(paths.wavPath, Buffer.concat([recordingHeader(0), interleaveStereo(tone(200), tone(310))]));
}

describe('composition root under a stand-in Electron', () => {
  before(async () => {
    process.env['ATTUNE_DATA_DIR'] = dataDir;
    leaveKilledCall();
    // A version with no Electron build of better-sqlite3, so the Node build in node_modules loads.
    Object.defineProperty(process.versions, 'electron', { value: '0.0.0-test', configurable: true });
    const require = createRequire(join(root, 'package.json'));
    const electronPath = require.resolve('electron');
    // The real module would look for (and try to download) the binary; main gets the stand-in.
    require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fake.electron } as unknown as NodeJS.Module;
    require(join(root, 'src/main/index.ts'));
    await settle();
  });

  after(() => {
    delete process.env['ATTUNE_DATA_DIR'];
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the library in ATTUNE_DATA_DIR, which is also userData, and shows no error', () => {
    assert.equal(fake.paths['userData'], dataDir);
    assert.ok(existsSync(join(dataDir, 'attune.sqlite3')));
    assert.deepEqual(fake.errorBoxes, []);
    assert.equal(fake.state.exitCode, null);
  });

  it('recovers a call an earlier run left unfinished, in the background, and tells both windows', async () => {
    const saved = (page: string) => liveUpdatesSentTo(windowFor(page)).filter((u) => u.type === 'saved');
    await waitFor(() => saved('index.html').length > 0 && saved('overlay.html').length > 0, 'the recovered call');
    const calls = (await invoke('listCalls')) as Array<{ id: number; agentName: string; recovered: boolean }>;
    assert.deepEqual(
      calls.map((c) => [c.agentName, c.recovered]),
      [['Crashed', true]],
    );
    assert.deepEqual(saved('index.html'), [{ type: 'saved', callId: calls[0]?.id }]);
  });

  it('serves speech models only to the recognizer partition, and recordings only to the app session', () => {
    assert.deepEqual([...fake.privilegedSchemes].sort(), ['attune-model', 'attune-recording']);
    const recognizer = fake.partitionHandlers.get('recognizer');
    assert.ok(recognizer?.['protocol:attune-model'], 'the recognizer session answers attune-model:');
    assert.ok(recognizer?.['permissionCheck'], 'the recognizer session decides its permissions');
    assert.equal(recognizer?.['protocol:attune-recording'], undefined);
    assert.ok(fake.sessionHandlers['protocol:attune-recording'], 'the app session answers attune-recording:');
    assert.equal(fake.sessionHandlers['protocol:attune-model'], undefined);
  });

  it('handles every contract channel and listens for frame ports', () => {
    for (const method of ATTUNE_IPC_METHODS) assert.ok(fake.ipcHandlers.has(channelForMethod(method)), method);
    assert.equal(fake.ipcListeners.listenerCount(FRAME_PORT_CHANNEL), 1);
  });

  it('creates the main window and a hidden, frameless, transparent, always-on-top overlay, both locked down and never throttled', () => {
    const main = windowFor('index.html');
    const overlay = windowFor('overlay.html');
    for (const window of [main, overlay]) {
      const prefs = window.options['webPreferences'] as Record<string, unknown>;
      assert.equal(prefs['sandbox'], true);
      assert.equal(prefs['contextIsolation'], true);
      assert.equal(prefs['nodeIntegration'], false);
      assert.equal(prefs['backgroundThrottling'], false);
      assert.match(String(prefs['preload']), /preload[\\/]index\.js$/);
    }
    assert.equal(overlay.options['frame'], false);
    assert.equal(overlay.options['transparent'], true);
    assert.equal(overlay.options['alwaysOnTop'], true);
    assert.equal(overlay.options['skipTaskbar'], true);
    assert.equal(overlay.options['resizable'], false);
    assert.equal(overlay.isVisible(), false);
    assert.ok(overlay.alwaysOnTopLevel);
  });

  it('grants the app page the microphone and nothing else', () => {
    const request = fake.sessionHandlers['permissionRequest'];
    assert.ok(request);
    const answers: boolean[] = [];
    const details = (mediaTypes: string[]) => ({ requestingUrl: mainPageUrl, isMainFrame: true, mediaTypes });
    request({}, 'media', (granted: boolean) => answers.push(granted), details(['audio']));
    request({}, 'media', (granted: boolean) => answers.push(granted), details(['video']));
    request({}, 'notifications', (granted: boolean) => answers.push(granted), details([]));
    assert.deepEqual(answers, [true, false, false]);
  });

  it('answers getDisplayMedia from the app page with the page as video and loopback audio, and refuses an iframe', () => {
    const handler = fake.sessionHandlers['displayMedia'];
    assert.ok(handler);
    const answers: unknown[] = [];
    const frame = { url: mainPageUrl, parent: null };
    handler({ frame, securityOrigin: 'file://', videoRequested: true, audioRequested: true, userGesture: true }, (streams: unknown) => answers.push(streams));
    const iframe = { url: mainPageUrl, parent: frame };
    handler({ frame: iframe, securityOrigin: 'file://', videoRequested: true, audioRequested: true, userGesture: true }, (streams: unknown) => answers.push(streams));
    assert.deepEqual(answers, [{ video: frame, audio: 'loopback' }, null]);
  });

  it('registers the four global shortcuts and a tray icon', () => {
    assert.deepEqual([...fake.shortcuts.keys()].sort(), ['CommandOrControl+Alt+D', 'CommandOrControl+Alt+L', 'CommandOrControl+Alt+N', 'CommandOrControl+Alt+O']);
    assert.equal(fake.trays.length, 1);
  });

  it('the overlay shortcut shows the overlay without taking the keyboard, and hides it again', () => {
    const overlay = windowFor('overlay.html');
    fake.shortcuts.get('CommandOrControl+Alt+O')?.();
    assert.equal(overlay.isVisible(), true);
    assert.equal(overlay.log.at(-1), 'showInactive');
    fake.shortcuts.get('CommandOrControl+Alt+O')?.();
    assert.equal(overlay.isVisible(), false);
  });

  it('the call shortcut asks the main window, which owns the capture, to start a call', () => {
    const main = windowFor('index.html');
    fake.shortcuts.get('CommandOrControl+Alt+L')?.();
    assert.deepEqual(main.webContents.sent.at(-1), { channel: APP_COMMAND_CHANNEL, payload: 'start-call' });
  });

  it('a call started over IPC and fed over the frame port is stored, both windows hear of it, and its port is closed', async () => {
    const main = windowFor('index.html');
    const overlay = windowFor('overlay.html');
    const started = (await invoke('startLiveCall', { agentName: 'Robin' })) as { ok: boolean };
    assert.equal(started.ok, true);
    await settle();
    assert.equal(overlay.isVisible(), true, 'the overlay comes up when a call starts');

    const port = new FakeMessagePortMain();
    fake.ipcListeners.emit(FRAME_PORT_CHANNEL, { ...trustedEvent, ports: [port] });
    assert.equal(port.started, true);
    for (let i = 0; i < 30; i += 1) port.emit('message', { data: frameBlock(10), ports: [] });
    const status = (await invoke('getLiveStatus')) as { state: string };
    assert.equal(status.state, 'live');

    // While live, the call shortcut asks for a stop.
    fake.shortcuts.get('CommandOrControl+Alt+L')?.();
    assert.deepEqual(main.webContents.sent.at(-1), { channel: APP_COMMAND_CHANNEL, payload: 'stop-call' });

    const stopped = (await invoke('stopLiveCall')) as { ok: true; callId: number };
    assert.equal(stopped.ok, true);
    await settle();
    assert.equal(port.closed, true, 'the stopped call’s port is closed');
    const calls = (await invoke('listCalls')) as Array<{ id: number; agentName: string; durationMs: number }>;
    const robin = calls.find((c) => c.id === stopped.callId);
    assert.equal(robin?.agentName, 'Robin');
    assert.ok(robin && robin.durationMs >= 2900, `stored ${robin?.durationMs} ms of the 3 s fed`);
    for (const window of [main, overlay]) {
      const types = liveUpdatesSentTo(window).map((u) => u.type);
      assert.ok(types.includes('started'));
      assert.equal(types.at(-1), 'saved');
    }
  });

  it('refuses a frame port from a page that is not Attune’s', () => {
    const port = new FakeMessagePortMain();
    fake.ipcListeners.emit(FRAME_PORT_CHANNEL, { senderFrame: { url: 'https://example.com/' }, ports: [port] });
    assert.equal(port.closed, true);
    assert.equal(port.started, false);
  });

  it('the note shortcut focuses the overlay and opens the note; returnFocus gives the keyboard back', async () => {
    const overlay = windowFor('overlay.html');
    fake.shortcuts.get('CommandOrControl+Alt+N')?.();
    await settle();
    assert.ok(overlay.log.includes('focus'));
    assert.deepEqual(overlay.webContents.sent.at(-1), { channel: APP_COMMAND_CHANNEL, payload: 'open-note' });
    await invoke('returnFocus');
    assert.ok(overlay.log.lastIndexOf('blur') > overlay.log.lastIndexOf('focus'));
  });

  it('click-through is passed to the overlay with mouse moves still forwarded', async () => {
    await invoke('setOverlayClickThrough', true);
    assert.deepEqual(windowFor('overlay.html').ignoreMouseEvents, { ignore: true, options: { forward: true } });
  });

  it('quitting mid-call stores the call, releases the shortcuts and the tray, and closes the library', async () => {
    await invoke('startLiveCall', { agentName: 'Quitter' });
    const port = new FakeMessagePortMain();
    fake.ipcListeners.emit(FRAME_PORT_CHANNEL, { ...trustedEvent, ports: [port] });
    for (let i = 0; i < 10; i += 1) port.emit('message', { data: frameBlock(10), ports: [] });

    fake.electron.app.quit();
    for (let i = 0; i < 100 && !fake.state.quitted; i += 1) await settle();
    assert.equal(fake.state.quitted, true);
    assert.equal(fake.shortcuts.size, 0);
    assert.equal(fake.trays[0]?.destroyed, true);
    assert.equal(FakeBrowserWindow.getAllWindows().length, 0);

    const db = new Database(join(dataDir, 'attune.sqlite3'), { readonly: true });
    try {
      const agents = (db.prepare('SELECT agent_name AS agentName FROM calls ORDER BY id').all() as Array<{ agentName: string }>).map((r) => r.agentName);
      assert.deepEqual(agents, ['Crashed', 'Robin', 'Quitter']);
    } finally {
      db.close();
    }
  });
});
