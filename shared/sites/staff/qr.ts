/**
 * A QR code as an SVG image: the module matrix from the `qrcode` package (its pure encoder, so this
 * runs in the compiler anywhere), drawn as one path with a quiet zone of four modules. Deterministic.
 */
import { create } from 'qrcode';

const QUIET_ZONE = 4;

/** `scale`: pixels per module in the SVG's width and height. */
export function qrSvg(text: string, scale = 4): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules.get(y, x)) continue;
      let end = x;
      while (end + 1 < size && modules.get(y, end + 1)) end++;
      runs.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  }
  const extent = size + 2 * QUIET_ZONE;
  const pixels = extent * scale;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${extent} ${extent}" shape-rendering="crispEdges">` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>\n`
  );
}
