// Draws Attune's icons as PNGs with no dependencies: `node resources/make-icons.mjs`.
// The mark: three level bars, the middle one tallest — two voices and the balance between them.
// icon.png (512 px, rounded teal square) is the app icon electron-builder converts per OS;
// tray.png/@2x (the same, small) for Windows and Linux trays; trayTemplate.png/@2x (black bars on
// transparent) for the macOS menu bar, which tints "Template" images itself.

import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (Uint8Array, size×size×4) → PNG bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Inside a rounded rectangle given in unit coordinates (0..1)? */
function inRoundedRect(x, y, [left, top, right, bottom], radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const BARS = [
  [0.22, 0.42, 0.34, 0.78],
  [0.44, 0.22, 0.56, 0.78],
  [0.66, 0.5, 0.78, 0.78],
];

/** Renders with 4×4 supersampling; `background` null leaves it transparent. */
function draw(size, { background, bar }) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = null;
          if (BARS.some((rect) => inRoundedRect(x, y, rect, 0.06))) color = bar;
          else if (background && inRoundedRect(x, y, [0.04, 0.04, 0.96, 0.96], 0.2)) color = background;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 255;
          }
        }
      }
      const n = samples * samples;
      const offset = (py * size + px) * 4;
      // Colour averaged over covered samples only (no dark fringe), alpha by coverage.
      const covered = a / 255;
      rgba[offset] = covered ? Math.round(r / covered) : 0;
      rgba[offset + 1] = covered ? Math.round(g / covered) : 0;
      rgba[offset + 2] = covered ? Math.round(b / covered) : 0;
      rgba[offset + 3] = Math.round(a / n);
    }
  }
  return encodePng(size, rgba);
}

const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];
const dir = import.meta.dirname;
const files = {
  'icon.png': draw(512, { background: TEAL, bar: WHITE }),
  'tray.png': draw(16, { background: TEAL, bar: WHITE }),
  'tray@2x.png': draw(32, { background: TEAL, bar: WHITE }),
  'trayTemplate.png': draw(16, { background: null, bar: BLACK }),
  'trayTemplate@2x.png': draw(32, { background: null, bar: BLACK }),
};
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
process.stdout.write(`wrote ${Object.keys(files).join(', ')} to ${dir}\n`);
