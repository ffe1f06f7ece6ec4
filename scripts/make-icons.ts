// Draws the toolbar icon (a radar screen: two rings, a sweep and a blip) at the sizes
// the browsers ask for, into public/icon-<size>.png, where WXT finds icons. Run with
// `tsx scripts/make-icons.ts`; the PNGs are committed, so builds do not need this.
// Each pixel is supersampled 8×8 so the small sizes stay smooth.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const SUPERSAMPLE = 8;
type Rgba = [number, number, number, number];
const BACKGROUND: Rgba = [21, 47, 86, 255];
const RING: Rgba = [120, 200, 255, 255];
const SWEEP: Rgba = [120, 200, 255, 110];
const BLIP: Rgba = [255, 196, 61, 255];

/** The colour at a point of the unit square (y down), or null where the icon is transparent. */
function colourAt(x: number, y: number): Rgba | null {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  if (r > 0.5) return null;
  if (Math.hypot(x - 0.7, y - 0.33) < 0.075) return BLIP;
  if (Math.abs(r - 0.44) < 0.035 || Math.abs(r - 0.25) < 0.03) return RING;
  // The sweep: a wedge from twelve o'clock to about two o'clock.
  const angle = Math.atan2(dx, -dy);
  if (angle > 0 && angle < Math.PI / 3 && r < 0.44) return SWEEP;
  if (r < 0.045) return RING;
  return BACKGROUND;
}

function render(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          // Blend over the background colour, premultiplied, so the sweep looks translucent.
          const alpha = c[3] / 255;
          for (let i = 0; i < 3; i++) sum[i]! += c[i]! * alpha + BACKGROUND[i]! * (1 - alpha);
          sum[3]! += 255;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const covered = sum[3]! / 255;
      for (let i = 0; i < 3; i++) row[1 + px * 4 + i] = covered ? Math.round(sum[i]! / covered) : 0;
      row[1 + px * 4 + 3] = Math.round(sum[3]! / samples);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`icon-${size}.png`, out), render(size));
console.log(`icons: ${SIZES.join(', ')} px -> public/icon-<size>.png`);
