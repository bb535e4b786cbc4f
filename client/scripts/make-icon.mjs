#!/usr/bin/env node
// Draws images/icon.png (128×128 RGBA) with no dependencies: a page of a project
// description on EU blue, ringed by the twelve yellow stars of the EU flag (as dots),
// with a check mark. Shapes are signed-distance functions sampled 4×4 per pixel for
// smooth edges; the PNG is written with node:zlib. Deterministic: same bytes every run.
//
//   node client/scripts/make-icon.mjs [output.png]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2] ?? join(root, 'images', 'icon.png');

const EU_BLUE = [0x00, 0x33, 0x99];
const EU_YELLOW = [0xff, 0xcc, 0x00];
const WHITE = [0xff, 0xff, 0xff];
const FOLD = [0xc9, 0xd6, 0xee];
const LINE = [0x8a, 0xa0, 0xcc];
const GREEN = [0x1e, 0x8e, 0x3e];

// ---- signed distances (negative inside)
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by, r) => {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - r;
};
/** The page: a rectangle with its top-right corner cut off by the fold. */
const PAGE = { x0: 36, y0: 22, x1: 92, y1: 106, fold: 16 };
const page = (x, y) => {
  const box = roundedBox(x, y, (PAGE.x0 + PAGE.x1) / 2, (PAGE.y0 + PAGE.y1) / 2, (PAGE.x1 - PAGE.x0) / 2, (PAGE.y1 - PAGE.y0) / 2, 3);
  // Half-plane beyond the diagonal x - y = x1 - fold - y0.
  const cut = (x - y - (PAGE.x1 - PAGE.fold - PAGE.y0)) / Math.SQRT2;
  return Math.max(box, cut);
};
const fold = (x, y) => {
  // The folded-over triangle: inside the corner square, below the diagonal.
  const fx0 = PAGE.x1 - PAGE.fold;
  const fy1 = PAGE.y0 + PAGE.fold;
  const inSquare = Math.max(fx0 - x, x - PAGE.x1, PAGE.y0 - y, y - fy1);
  const below = -(x - y - (PAGE.x1 - PAGE.fold - PAGE.y0)) / Math.SQRT2;
  return Math.max(inSquare, below);
};

/** Layers, bottom to top: [distance function, colour]. */
const layers = [
  [(x, y) => roundedBox(x, y, 64, 64, 62, 62, 22), EU_BLUE],
  ...Array.from({ length: 12 }, (_, i) => {
    const a = (i / 12) * 2 * Math.PI;
    const cx = 64 + 52 * Math.sin(a);
    const cy = 64 - 52 * Math.cos(a);
    return [(x, y) => circle(x, y, cx, cy, 4.2), EU_YELLOW];
  }),
  [page, WHITE],
  [fold, FOLD],
  ...[40, 50, 60, 70, 80].map((y0, i) => [(x, y) => segment(x, y, 45, y0, i === 0 ? 70 : 83, y0, 2.2), LINE]),
  [(x, y) => circle(x, y, 86, 92, 17), EU_YELLOW],
  [(x, y) => Math.min(segment(x, y, 78, 92.5, 84, 98.5, 3), segment(x, y, 84, 98.5, 95, 85.5, 3)), GREEN],
];

function pixel(px, py) {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let colour;
      for (const [d, c] of layers) if (d(x, y) <= 0) colour = c;
      if (colour) {
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 255;
      }
    }
  }
  const n = SAMPLES * SAMPLES;
  // Premultiplied sums → straight alpha.
  const cover = a / 255;
  return cover === 0 ? [0, 0, 0, 0] : [Math.round(r / cover), Math.round(g / cover), Math.round(b / cover), Math.round(a / n)];
}

// ---- PNG
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const row = y * (1 + SIZE * 4);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const [r, g, b, a] = pixel(x, y);
    raw.set([r, g, b, a], row + 1 + x * 4);
  }
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
