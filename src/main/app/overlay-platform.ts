// How the overlay window behaves on each OS, in one table (Electron-free, unit-tested).
//
// The overlay sits over the softphone. It must not take the keyboard from it — except while the agent
// types a note, after which the keyboard should go back. What each OS allows:
// - Windows: a non-focusable window (WS_EX_NOACTIVATE) still takes clicks without activating, so the
//   overlay is non-focusable except during a note; blurring it afterwards activates the window below,
//   normally the softphone the agent was in.
// - macOS: a 'panel' window (non-activating style, floats over full-screen apps, on every Space).
//   Focusing it for the note activates Attune, and nothing short of hiding the whole app (which would
//   hide the overlay too) hands activation back, so after a note the overlay is blurred and made
//   non-focusable again; the softphone gets the keyboard back on the agent's next click in it.
// - Linux: a non-focusable window stops talking to the window manager (no moving, always on every
//   workspace), so the overlay stays focusable; it is shown without activation and blurred after a note.
//   Under Wayland, where and whether focus goes back is up to the compositor.

export interface OverlayPlatformBehaviour {
  /** BrowserWindow `type`. */
  windowType: 'panel' | 'toolbar' | undefined;
  /** setAlwaysOnTop level. */
  alwaysOnTopLevel: 'floating' | 'screen-saver';
  /** Whether the overlay can take the keyboard outside of a note. */
  focusableWhenIdle: boolean;
  /** macOS: let the first click on an inactive overlay reach the page (the dismiss button). */
  acceptFirstMouse: boolean;
}

export function overlayPlatformBehaviour(platform: NodeJS.Platform): OverlayPlatformBehaviour {
  switch (platform) {
    case 'darwin':
      // 'floating' is enough for a panel, which already floats over full-screen apps; 'screen-saver'
      // would also cover the menu bar's menus and Spotlight.
      return { windowType: 'panel', alwaysOnTopLevel: 'floating', focusableWhenIdle: false, acceptFirstMouse: true };
    case 'win32':
      // 'screen-saver' keeps it above the taskbar and other topmost windows; 'toolbar' keeps it out of Alt+Tab.
      return { windowType: 'toolbar', alwaysOnTopLevel: 'screen-saver', focusableWhenIdle: false, acceptFirstMouse: false };
    default:
      return { windowType: undefined, alwaysOnTopLevel: 'screen-saver', focusableWhenIdle: true, acceptFirstMouse: false };
  }
}
