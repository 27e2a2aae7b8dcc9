/**
 * A ring-back tone file as the customer hands it over: its format and length read with
 * music-metadata (never trusted from the file name), checked against the catalog's limits.
 */
import type { ComponentLimits } from '../../../../shared/domain/catalog';
import type { RingToneFormat } from '../../../../shared/domain/groupServices';

export class RingToneProblem extends Error {
  constructor(
    readonly code:
      'services.ringtone_unreadable' | 'services.ringtone_format' | 'services.ringtone_too_long' | 'services.ringtone_too_large',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface RingToneFacts {
  format: RingToneFormat;
  mime: string;
  durationSeconds: number;
}

/** music-metadata's container names → the formats a ring-back tone may have. */
function formatOf(container: string | undefined, codec: string | undefined): RingToneFormat | undefined {
  if (container === 'WAVE' && codec === 'PCM') return 'wav';
  if (container === 'MPEG' && codec?.includes('Layer 3')) return 'mp3';
  if (container?.startsWith('M4A') || (container?.includes('mp4') && codec?.includes('AAC')))
    return codec?.includes('AAC') ? 'm4a' : undefined;
  return undefined;
}

const MIME: Record<RingToneFormat, string> = { mp3: 'audio/mpeg', wav: 'audio/wav', m4a: 'audio/mp4' };

export async function readRingTone(bytes: Uint8Array, limits: ComponentLimits): Promise<RingToneFacts> {
  if (bytes.length > limits.maxBytes)
    throw new RingToneProblem(
      'services.ringtone_too_large',
      `The file has ${bytes.length} bytes; a ring-back tone has at most ${limits.maxBytes}.`,
      { maxBytes: limits.maxBytes, bytes: bytes.length },
    );
  const { parseBuffer } = await import('music-metadata');
  let format: { container?: string; codec?: string; duration?: number };
  try {
    format = (await parseBuffer(bytes, undefined, { duration: true, skipCovers: true })).format;
  } catch (error) {
    throw new RingToneProblem('services.ringtone_unreadable', `The file is not audio that can be read (${(error as Error).message}).`);
  }
  const kind = formatOf(format.container, format.codec);
  if (!kind || !limits.formats.includes(kind))
    throw new RingToneProblem(
      'services.ringtone_format',
      `A ring-back tone is ${limits.formats.join(', ')}; this file is ${format.container ?? 'unknown'} ${format.codec ?? ''}.`.trim(),
      { formats: limits.formats.join('、') },
    );
  const duration = format.duration;
  if (!duration || !Number.isFinite(duration) || duration <= 0)
    throw new RingToneProblem('services.ringtone_unreadable', 'The length of the audio cannot be read.');
  if (duration > limits.maxSeconds + 0.5)
    throw new RingToneProblem('services.ringtone_too_long', `The tone lasts ${duration.toFixed(1)} s; at most ${limits.maxSeconds} s.`, {
      seconds: Math.round(duration),
      maxSeconds: limits.maxSeconds,
    });
  return { format: kind, mime: MIME[kind], durationSeconds: Math.round(duration * 10) / 10 };
}
