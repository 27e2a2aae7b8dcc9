/**
 * A still picture as a one-frame Y4M video (YUV 4:2:0, BT.601 full range), what Chromium's fake
 * camera plays with `--use-file-for-fake-video-capture` — no ffmpeg needed.
 */
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

export async function writeY4m(picture: Buffer, file: string, width = 1280): Promise<{ width: number; height: number }> {
  const { data, info } = await sharp(picture)
    .resize({ width: width & ~1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = info.width & ~1;
  const h = info.height & ~1;
  const y = Buffer.alloc(w * h);
  const u = Buffer.alloc((w / 2) * (h / 2));
  const v = Buffer.alloc((w / 2) * (h / 2));
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
  for (let row = 0; row < h; row++)
    for (let col = 0; col < w; col++) {
      const p = (row * info.width + col) * 3;
      const [r, g, b] = [data[p]!, data[p + 1]!, data[p + 2]!];
      y[row * w + col] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
      if (row % 2 === 0 && col % 2 === 0) {
        const c = (row / 2) * (w / 2) + col / 2;
        u[c] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
        v[c] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      }
    }
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F30:1 Ip A1:1 C420jpeg\nFRAME\n`), y, u, v]));
  return { width: w, height: h };
}
