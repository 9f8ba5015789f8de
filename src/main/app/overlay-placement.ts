// Where the overlay opens: back where the agent left it, on the same display if that display is still
// connected, else at the same spot of the primary display; always wholly inside the display's work
// area (a display unplugged or a resolution changed must never leave the overlay off-screen).
// Electron-free: displays are plain rectangles.

import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  id: number;
  /** The display's area minus the taskbar, dock and menu bar, in screen coordinates. */
  workArea: Rect;
}

/** What is remembered: the display and the offset of the overlay's top-left corner inside its work area. */
export interface SavedOverlayPosition {
  displayId: number;
  offsetX: number;
  offsetY: number;
}

export const OVERLAY_POSITION_PREFERENCE_KEY = 'overlay.position';

export const savedOverlayPositionSchema: z.ZodType<SavedOverlayPosition> = z.object({
  displayId: z.number().int(),
  offsetX: z.number().finite(),
  offsetY: z.number().finite(),
});

/** Gap between a default-placed overlay and the work area's edges. */
export const OVERLAY_DEFAULT_MARGIN_PX = 24;

/** Moves `size` at (x, y) the least distance that puts it inside `area` (its top-left corner wins when it cannot fit). */
export function clampIntoArea(x: number, y: number, size: { width: number; height: number }, area: Rect): { x: number; y: number } {
  const clampAxis = (value: number, length: number, start: number, areaLength: number): number =>
    Math.max(start, Math.min(value, start + areaLength - length));
  return {
    x: Math.round(clampAxis(x, size.width, area.x, area.width)),
    y: Math.round(clampAxis(y, size.height, area.y, area.height)),
  };
}

/**
 * The overlay's top-left corner for this start. No saved position: top-right corner of the primary
 * display, out of the way of most softphones' main controls.
 */
export function placeOverlay(
  saved: SavedOverlayPosition | undefined,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  size: { width: number; height: number },
): { x: number; y: number; displayId: number } {
  if (saved === undefined) {
    const area = primary.workArea;
    const corner = clampIntoArea(area.x + area.width - size.width - OVERLAY_DEFAULT_MARGIN_PX, area.y + OVERLAY_DEFAULT_MARGIN_PX, size, area);
    return { ...corner, displayId: primary.id };
  }
  const display = displays.find((candidate) => candidate.id === saved.displayId) ?? primary;
  const area = display.workArea;
  return { ...clampIntoArea(area.x + saved.offsetX, area.y + saved.offsetY, size, area), displayId: display.id };
}

/** What to remember after the overlay moved to `bounds` on `display` (the display nearest to it). */
export function rememberOverlayPosition(bounds: Rect, display: DisplayArea): SavedOverlayPosition {
  return { displayId: display.id, offsetX: bounds.x - display.workArea.x, offsetY: bounds.y - display.workArea.y };
}
