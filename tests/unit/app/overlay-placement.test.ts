import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clampIntoArea,
  OVERLAY_DEFAULT_MARGIN_PX,
  placeOverlay,
  rememberOverlayPosition,
  savedOverlayPositionSchema,
  type DisplayArea,
} from '../../../src/main/app/overlay-placement';
import { overlayPlatformBehaviour } from '../../../src/main/app/overlay-platform';

const size = { width: 320, height: 200 };
// A laptop (primary, menu bar 25 px) and an external display to its left, taller, with a taskbar.
const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const external: DisplayArea = { id: 2, workArea: { x: -1920, y: -200, width: 1920, height: 1040 } };

describe('overlay placement', () => {
  it('starts in the top-right corner of the primary display when nothing is saved', () => {
    assert.deepEqual(placeOverlay(undefined, [laptop, external], laptop, size), {
      x: 1440 - 320 - OVERLAY_DEFAULT_MARGIN_PX,
      y: 25 + OVERLAY_DEFAULT_MARGIN_PX,
      displayId: 1,
    });
  });

  it('returns to the same spot of the same display', () => {
    const saved = rememberOverlayPosition({ x: -1800, y: 0, ...size }, external);
    assert.deepEqual(saved, { displayId: 2, offsetX: 120, offsetY: 200 });
    assert.deepEqual(placeOverlay(saved, [laptop, external], laptop, size), { x: -1800, y: 0, displayId: 2 });
  });

  it('falls back to the same offset on the primary display when the saved display is gone, clamped inside it', () => {
    const saved = { displayId: 2, offsetX: 1500, offsetY: 900 };
    // 1500 + 320 > 1440 and 25 + 900 + 200 > 900: pushed back into the laptop's work area.
    assert.deepEqual(placeOverlay(saved, [laptop], laptop, size), { x: 1440 - 320, y: 25 + 875 - 200, displayId: 1 });
  });

  it('pulls a position that hangs off the display (resolution lowered) back inside', () => {
    const saved = { displayId: 1, offsetX: -50, offsetY: -10 };
    assert.deepEqual(placeOverlay(saved, [laptop], laptop, size), { x: 0, y: 25, displayId: 1 });
  });

  it('keeps the top-left corner visible when the overlay is larger than the work area', () => {
    assert.deepEqual(clampIntoArea(500, 500, { width: 2000, height: 2000 }, laptop.workArea), { x: 0, y: 25 });
  });

  it('leaves a position that is already inside unchanged', () => {
    assert.deepEqual(clampIntoArea(100, 100, size, laptop.workArea), { x: 100, y: 100 });
  });

  it('validates what it reads back from the preferences', () => {
    assert.equal(savedOverlayPositionSchema.safeParse({ displayId: 2, offsetX: 1, offsetY: 2 }).success, true);
    assert.equal(savedOverlayPositionSchema.safeParse({ displayId: '2', offsetX: 1, offsetY: 2 }).success, false);
    assert.equal(savedOverlayPositionSchema.safeParse({ displayId: 2, offsetX: Number.NaN, offsetY: 2 }).success, false);
    assert.equal(savedOverlayPositionSchema.safeParse(null).success, false);
  });
});

describe('overlay behaviour per OS', () => {
  it('never leaves the overlay unable to talk to a Linux window manager, and keeps it from taking the keyboard elsewhere', () => {
    assert.equal(overlayPlatformBehaviour('linux').focusableWhenIdle, true);
    assert.equal(overlayPlatformBehaviour('win32').focusableWhenIdle, false);
    assert.equal(overlayPlatformBehaviour('darwin').focusableWhenIdle, false);
  });

  it('uses a non-activating panel on macOS and a toolbar window on Windows', () => {
    assert.equal(overlayPlatformBehaviour('darwin').windowType, 'panel');
    assert.equal(overlayPlatformBehaviour('darwin').acceptFirstMouse, true);
    assert.equal(overlayPlatformBehaviour('win32').windowType, 'toolbar');
    assert.equal(overlayPlatformBehaviour('linux').windowType, undefined);
  });
});
