/**
 * Cuts a TCP byte stream into whole CMPP frames, whatever the chunking (split or coalesced).
 * Total_Length is checked as soon as its 4 octets arrive, so a hostile length (say 4 GB) is
 * refused before anything is buffered for it.
 */
import { CmppError, HEADER_SIZE } from './codec';

/** The largest PDU we accept: a 3.0 SUBMIT to 100 terminals with 140 octets is 3,632. */
export const MAX_FRAME_SIZE = 4096;

export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  /** The whole frames completed by `chunk`; throws CmppError('bad_length') when a header is impossible (the stream cannot be resynchronised). */
  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32BE(0);
      if (length < HEADER_SIZE || length > MAX_FRAME_SIZE) {
        throw new CmppError('bad_length', `Total_Length ${length} is outside ${HEADER_SIZE}..${MAX_FRAME_SIZE}`);
      }
      if (this.pending.length < length) break;
      frames.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
    }
    return frames;
  }

  /** Octets of an unfinished frame. */
  get buffered(): number {
    return this.pending.length;
  }
}
