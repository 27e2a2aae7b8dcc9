/**
 * A blob's type comes from its first bytes, never from what a client declared: an allow-list of the
 * image formats sites use; anything else is served as opaque bytes.
 */
export const OPAQUE = 'application/octet-stream';

/** Bytes to read from the start of a blob to tell its type. */
export const SNIFF_BYTES = 12;

const SIGNATURES: { type: string; at: number; bytes: number[] }[] = [
  { type: 'image/jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', at: 0, bytes: [...Buffer.from('GIF87a')] },
  { type: 'image/gif', at: 0, bytes: [...Buffer.from('GIF89a')] },
  { type: 'image/webp', at: 8, bytes: [...Buffer.from('WEBP')] }, // after "RIFF" and a length
];

export const IMAGE_TYPES = new Set(SIGNATURES.map((s) => s.type));

export function sniffType(head: Uint8Array): string {
  const match = SIGNATURES.find(
    (s) =>
      s.bytes.every((b, i) => head[s.at + i] === b) &&
      (s.type !== 'image/webp' || Buffer.from(head.subarray(0, 4)).toString('latin1') === 'RIFF'),
  );
  return match?.type ?? OPAQUE;
}
