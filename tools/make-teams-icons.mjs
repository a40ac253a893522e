// Draws the Teams app icons (192×192 colour, 32×32 white outline on transparent) from one
// vector description, so the two stay the same picture. Run with `npm run icons`.
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const BLA = [0x1f, 0x5c, 0x99];
const VIT = [0xff, 0xff, 0xff];

// The glyph in a 32×32 space: a page with a folded corner, two text lines and a check mark.
const sida = (x, y) => x >= 8 && x <= 24 && y >= 5 && y <= 27 && !(x > 19 && y < 10 && x - 19 > y - 5);
const kant = (x, y, t) => sida(x, y) && !(x >= 8 + t && x <= 24 - t && y >= 5 + t && y <= 27 - t && !(x > 19 - t && y < 10 + t && x - 19 + t > y - 5));
const rad = (x, y, y0, x1) => x >= 11 && x <= x1 && y >= y0 && y <= y0 + 1.4;
const nara = (px, py, ax, ay, bx, by, w) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= w;
};
const bock = (x, y, w) => nara(x, y, 11.5, 19.5, 14.5, 22.5, w) || nara(x, y, 14.5, 22.5, 21, 15.5, w);

function rita(storlek, farg) {
  const png = new PNG({ width: storlek, height: storlek });
  const skala = 32 / storlek;
  const PROV = 4; // supersampling per axis, for smooth edges
  for (let py = 0; py < storlek; py++) {
    for (let px = 0; px < storlek; px++) {
      let tackning = 0;
      for (let sy = 0; sy < PROV; sy++) {
        for (let sx = 0; sx < PROV; sx++) {
          const x = (px + (sx + 0.5) / PROV) * skala;
          const y = (py + (sy + 0.5) / PROV) * skala;
          const glyf = farg
            ? sida(x, y)
            : kant(x, y, 1.5) || rad(x, y, 11, 18) || bock(x, y, 0.9);
          const hal = farg && (rad(x, y, 11, 18) || bock(x, y, 0.9));
          if (glyf && !hal) tackning++;
        }
      }
      const a = tackning / (PROV * PROV);
      const i = (py * storlek + px) * 4;
      if (farg) {
        // White page on blue; the text lines and check mark show the blue through.
        for (let k = 0; k < 3; k++) png.data[i + k] = Math.round(BLA[k] * (1 - a) + VIT[k] * a);
        png.data[i + 3] = 255;
      } else {
        for (let k = 0; k < 3; k++) png.data[i + k] = VIT[k];
        png.data[i + 3] = Math.round(a * 255);
      }
    }
  }
  return PNG.sync.write(png);
}

writeFileSync(new URL('../teams/color.png', import.meta.url), rita(192, true));
writeFileSync(new URL('../teams/outline.png', import.meta.url), rita(32, false));
console.log('teams/color.png (192×192) och teams/outline.png (32×32) skrivna.');
