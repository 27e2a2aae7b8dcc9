/**
 * The 64-bit Msg_Id an ISMG gives each accepted SUBMIT (STANDARDS.md §6): month 4 · day 5 ·
 * hour 5 · minute 6 · second 6 (China time) · ISMG code 22 · sequence 16 bits.
 */

export interface MsgIdParts {
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ismgCode: number;
  sequence: number;
}

export function composeMsgId(p: MsgIdParts): bigint {
  // Two 32-bit halves in plain numbers, one BigInt at the end: this runs for every SUBMIT the simulator takes.
  const high =
    (((((p.month & 0xf) * 32 + (p.day & 0x1f)) * 32 + (p.hour & 0x1f)) * 64 + (p.minute & 0x3f)) * 64 + (p.second & 0x3f)) * 64 +
    ((p.ismgCode >>> 16) & 0x3f);
  const low = (p.ismgCode & 0xffff) * 0x10000 + (p.sequence & 0xffff);
  return (BigInt(high) << 32n) | BigInt(low);
}

export function parseMsgId(id: bigint): MsgIdParts {
  const take = (shift: number, bits: number) => Number((id >> BigInt(shift)) & ((1n << BigInt(bits)) - 1n));
  return {
    month: take(60, 4),
    day: take(55, 5),
    hour: take(50, 5),
    minute: take(44, 6),
    second: take(38, 6),
    ismgCode: take(16, 22),
    sequence: take(0, 16),
  };
}

/** The time fields of `date` in China time (UTC+8). */
export function msgIdTime(date: Date): Pick<MsgIdParts, 'month' | 'day' | 'hour' | 'minute' | 'second'> {
  const d = new Date(date.getTime() + 8 * 3600_000);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}
