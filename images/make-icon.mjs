// Draws images/icon.png (128x128): two crossing "voices" with note heads on a
// dark rounded square. Run with `node images/make-icon.mjs`; needs no packages.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis, for anti-aliasing
const BACKGROUND = [31, 42, 68];
const VOICE_A = [242, 244, 248];
const VOICE_B = [245, 166, 35];

const wave = (x, sign) => 64 - sign * 22 * Math.sin((2 * Math.PI * (x - 16)) / 128);
const curve = (sign) => Array.from({ length: 257 }, (_, i) => [(i * SIZE) / 256, wave((i * SIZE) / 256, sign)]);
const curves = { a: curve(1), b: curve(-1) };

function distanceToCurve(points, x, y) {
  let best = Infinity;
  for (const [px, py] of points) best = Math.min(best, Math.hypot(px - x, py - y));
  return best;
}

function insideRoundedSquare(x, y, radius = 26) {
  const dx = Math.max(radius - x, 0, x - (SIZE - radius));
  const dy = Math.max(radius - y, 0, y - (SIZE - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** Colour of one sub-sample, or null outside the icon. Later layers paint over earlier ones. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  let color = BACKGROUND;
  if (distanceToCurve(curves.b, x, y) <= 4) color = VOICE_B;
  if (distanceToCurve(curves.a, x, y) <= 4) color = VOICE_A;
  for (const [cx, cy, c] of [[48, 42, VOICE_A], [112, 86, VOICE_A], [48, 86, VOICE_B], [112, 42, VOICE_B]]) {
    if (Math.hypot(x - cx, y - cy) <= 10) color = c;
  }
  return color;
}

function pixel(px, py) {
  const sum = [0, 0, 0];
  let covered = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const color = sample(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES);
      if (!color) continue;
      covered++;
      color.forEach((v, k) => (sum[k] += v));
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  return [...sum.map((v) => Math.round(v / covered)), Math.round((255 * covered) / (SAMPLES * SAMPLES))];
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

const rows = [];
for (let y = 0; y < SIZE; y++) {
  rows.push(0); // filter: none
  for (let x = 0; x < SIZE; x++) rows.push(...pixel(x, y));
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.from(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
