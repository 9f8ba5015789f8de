import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOBAL_SHORTCUTS, runAppAction, TRAY_MENU, type AppAction, type AppActionTargets } from '../../../src/main/app/app-actions';

function recordingTargets(state: { live: boolean; overlayVisible: boolean }): { targets: AppActionTargets; calls: string[] } {
  const calls: string[] = [];
  const targets: AppActionTargets = {
    isCallLive: () => state.live,
    sendToMainWindow: (command) => calls.push(`main:${command}`),
    sendToOverlay: (command) => calls.push(`overlay:${command}`),
    sendToAllWindows: (command) => calls.push(`all:${command}`),
    dismissCardInSession: () => calls.push('sessionDismiss'),
    isOverlayVisible: () => state.overlayVisible,
    setOverlayVisible: (visible) => calls.push(`overlayVisible:${visible}`),
    focusOverlayForNote: () => calls.push('focusOverlay'),
    showMainWindow: () => calls.push('showMain'),
    quit: () => calls.push('quit'),
  };
  return { targets, calls };
}

function run(action: AppAction, state = { live: false, overlayVisible: false }): string[] {
  const { targets, calls } = recordingTargets(state);
  runAppAction(action, targets);
  return calls;
}

describe('app actions', () => {
  it('the call shortcut starts a call when idle and stops it when live, through the main window', () => {
    assert.deepEqual(run('toggle-call', { live: false, overlayVisible: true }), ['main:start-call']);
    assert.deepEqual(run('toggle-call', { live: true, overlayVisible: true }), ['main:stop-call']);
  });

  it('the overlay shortcut toggles the overlay', () => {
    assert.deepEqual(run('toggle-overlay', { live: false, overlayVisible: false }), ['overlayVisible:true']);
    assert.deepEqual(run('toggle-overlay', { live: false, overlayVisible: true }), ['overlayVisible:false']);
  });

  it('the note shortcut focuses the overlay before asking it to open the note line', () => {
    assert.deepEqual(run('note'), ['focusOverlay', 'overlay:open-note']);
  });

  it('dismiss reaches every window; click-through goes to the overlay, which owns that state', () => {
    assert.deepEqual(run('dismiss-card'), ['sessionDismiss', 'all:dismiss-card']);
    assert.deepEqual(run('toggle-click-through'), ['overlay:toggle-click-through']);
  });

  it('the tray opens the main window and quits', () => {
    assert.deepEqual(run('open-main-window'), ['showMain']);
    assert.deepEqual(run('quit'), ['quit']);
  });

  it('has one distinct accelerator per shortcut, all with a modifier pair, and the tray offers each shortcut', () => {
    const accelerators = GLOBAL_SHORTCUTS.map((s) => s.accelerator);
    assert.equal(new Set(accelerators).size, accelerators.length);
    for (const accelerator of accelerators) assert.match(accelerator, /^CommandOrControl\+Alt\+[A-Z]$/);
    const trayActions = TRAY_MENU.flatMap((item) => (item ? [item.action] : []));
    for (const { action } of GLOBAL_SHORTCUTS) assert.ok(trayActions.includes(action), action);
    assert.ok(trayActions.includes('open-main-window') && trayActions.includes('quit'));
  });
});
