/**
 * CMPP 2.0 / 3.0 PDUs (STANDARDS.md §6): a 12-octet header (Total_Length, Command_Id, Sequence_Id)
 * and a body of big-endian integers and fixed-width, NUL-padded ASCII fields. Each body is a list
 * of fields per version; encoding and decoding walk the same list, so a layout is written once.
 */

export type CmppVersion = 2 | 3;

/** The Version octet of CONNECT: 0x20 = 2.0, 0x30 = 3.0 (0x21 = 2.1 is read as 2). */
export const versionByte = (version: CmppVersion): number => (version === 3 ? 0x30 : 0x20);
export const versionOf = (byte: number): CmppVersion | null => (byte >= 0x20 && byte < 0x30 ? 2 : byte === 0x30 ? 3 : null);

export const HEADER_SIZE = 12;

export const COMMAND_IDS = {
  connect: 0x00000001,
  connect_resp: 0x80000001,
  terminate: 0x00000002,
  terminate_resp: 0x80000002,
  submit: 0x00000004,
  submit_resp: 0x80000004,
  deliver: 0x00000005,
  deliver_resp: 0x80000005,
  active_test: 0x00000008,
  active_test_resp: 0x80000008,
} as const;

export type Command = keyof typeof COMMAND_IDS;

const COMMAND_NAMES = new Map<number, Command>(Object.entries(COMMAND_IDS).map(([name, id]) => [id, name as Command]));

/** SUBMIT_RESP / DELIVER_RESP results (STANDARDS.md §6). */
export const RESULT = {
  ok: 0,
  badStructure: 1,
  badCommand: 2,
  repeatedSequence: 3,
  badLength: 4,
  badFeeCode: 5,
  tooLong: 6,
  badServiceId: 7,
  flowControl: 8,
} as const;

/** CONNECT_RESP statuses. */
export const CONNECT_STATUS = { ok: 0, badStructure: 1, badSourceAddr: 2, authFailed: 3, versionTooHigh: 4 } as const;

/** Msg_Fmt values used here. */
export const MSG_FMT = { ascii: 0, binary: 4, ucs2: 8, gb: 15 } as const;

/** Why a frame could not be read; `code` is stable (logs, tests). */
export class CmppError extends Error {
  constructor(
    readonly code: 'bad_length' | 'bad_structure' | 'unknown_command' | 'bad_field',
    message: string,
  ) {
    super(message);
  }
}

export interface Connect {
  sourceAddr: string;
  authenticatorSource: Buffer;
  version: number;
  timestamp: number;
}
export interface ConnectResp {
  status: number;
  authenticatorIsmg: Buffer;
  version: number;
}
export interface Submit {
  msgId: bigint;
  pkTotal: number;
  pkNumber: number;
  registeredDelivery: number;
  msgLevel: number;
  serviceId: string;
  feeUserType: number;
  feeTerminalId: string;
  /** 3.0 only (0 on 2.0). */
  feeTerminalType: number;
  tpPid: number;
  tpUdhi: number;
  msgFmt: number;
  msgSrc: string;
  feeType: string;
  feeCode: string;
  validTime: string;
  atTime: string;
  srcId: string;
  destTerminalIds: string[];
  /** 3.0 only (0 on 2.0). */
  destTerminalType: number;
  msgContent: Buffer;
  /** Reserve (2.0, 8) or LinkID (3.0, 20). */
  reserve: string;
}
export interface Deliver {
  msgId: bigint;
  destId: string;
  serviceId: string;
  tpPid: number;
  tpUdhi: number;
  msgFmt: number;
  srcTerminalId: string;
  /** 3.0 only (0 on 2.0). */
  srcTerminalType: number;
  /** 1 = the content is a status report, 0 = an MO. */
  registeredDelivery: number;
  msgContent: Buffer;
  reserve: string;
}
export interface Resp {
  msgId: bigint;
  result: number;
}
/** The Msg_Content of a DELIVER with Registered_Delivery = 1. */
export interface StatusReport {
  msgId: bigint;
  /** DELIVRD, EXPIRED, UNDELIV, REJECTD … */
  stat: string;
  /** YYMMDDHHMM */
  submitTime: string;
  doneTime: string;
  destTerminalId: string;
  smscSequence: number;
}

type Empty = { [key in never]: never };

interface Bodies {
  connect: Connect;
  connect_resp: ConnectResp;
  terminate: Empty;
  terminate_resp: Empty;
  submit: Submit;
  submit_resp: Resp;
  deliver: Deliver;
  deliver_resp: Resp;
  active_test: Empty;
  active_test_resp: { reserved: number };
}

export type Pdu = { [C in Command]: { command: C; sequenceId: number } & Bodies[C] }[Command];
export type PduOf<C extends Command> = Extract<Pdu, { command: C }>;

/** Big-endian unsigned integers: their size, and how they are read and written (u64 as a bigint). */
const INTEGERS = {
  u8: {
    size: 1,
    read: (b: Buffer, at: number) => b.readUInt8(at),
    write: (b: Buffer, v: unknown, at: number) => b.writeUInt8(Number(v ?? 0), at),
  },
  u32: {
    size: 4,
    read: (b: Buffer, at: number) => b.readUInt32BE(at),
    write: (b: Buffer, v: unknown, at: number) => b.writeUInt32BE(Number(v ?? 0), at),
  },
  u64: {
    size: 8,
    read: (b: Buffer, at: number) => b.readBigUInt64BE(at),
    write: (b: Buffer, v: unknown, at: number) => b.writeBigUInt64BE(BigInt((v as bigint | undefined) ?? 0n), at),
  },
};

type Field =
  | { name: string; type: keyof typeof INTEGERS }
  | { name: string; type: 'str' | 'octets'; size: number }
  /** An octet count, then that many octets (Msg_Length + Msg_Content). */
  | { name: string; type: 'counted_octets' }
  /** A count, then that many fixed strings (DestUsr_tl + Dest_terminal_Id × n). */
  | { name: string; type: 'counted_strs'; size: number; max: number };

const u8 = (name: string): Field => ({ name, type: 'u8' });
const u32 = (name: string): Field => ({ name, type: 'u32' });
const u64 = (name: string): Field => ({ name, type: 'u64' });
const str = (name: string, size: number): Field => ({ name, type: 'str', size });

/** Terminal ids are 21 octets in 2.0 and 32 in 3.0; results 1 and 4 octets. */
const terminal = (v: CmppVersion) => (v === 3 ? 32 : 21);
const result = (v: CmppVersion, name: string) => (v === 3 ? u32(name) : u8(name));
const onlyV3 = (v: CmppVersion, field: Field): Field[] => (v === 3 ? [field] : []);
const reserve = (v: CmppVersion) => str('reserve', v === 3 ? 20 : 8);

function buildLayout(command: Command, v: CmppVersion): Field[] {
  switch (command) {
    case 'connect':
      return [str('sourceAddr', 6), { name: 'authenticatorSource', type: 'octets', size: 16 }, u8('version'), u32('timestamp')];
    case 'connect_resp':
      return [result(v, 'status'), { name: 'authenticatorIsmg', type: 'octets', size: 16 }, u8('version')];
    case 'terminate':
    case 'terminate_resp':
    case 'active_test':
      return [];
    case 'active_test_resp':
      return [u8('reserved')];
    case 'submit':
      return [
        u64('msgId'),
        u8('pkTotal'),
        u8('pkNumber'),
        u8('registeredDelivery'),
        u8('msgLevel'),
        str('serviceId', 10),
        u8('feeUserType'),
        str('feeTerminalId', terminal(v)),
        ...onlyV3(v, u8('feeTerminalType')),
        u8('tpPid'),
        u8('tpUdhi'),
        u8('msgFmt'),
        str('msgSrc', 6),
        str('feeType', 2),
        str('feeCode', 6),
        str('validTime', 17),
        str('atTime', 17),
        str('srcId', 21),
        { name: 'destTerminalIds', type: 'counted_strs', size: terminal(v), max: 100 },
        ...onlyV3(v, u8('destTerminalType')),
        { name: 'msgContent', type: 'counted_octets' },
        reserve(v),
      ];
    case 'deliver':
      return [
        u64('msgId'),
        str('destId', 21),
        str('serviceId', 10),
        u8('tpPid'),
        u8('tpUdhi'),
        u8('msgFmt'),
        str('srcTerminalId', terminal(v)),
        ...onlyV3(v, u8('srcTerminalType')),
        u8('registeredDelivery'),
        { name: 'msgContent', type: 'counted_octets' },
        reserve(v),
      ];
    case 'submit_resp':
    case 'deliver_resp':
      return [u64('msgId'), result(v, 'result')];
  }
}

/** Every layout, built once. */
const LAYOUTS = {
  2: Object.fromEntries(Object.keys(COMMAND_IDS).map((c) => [c, buildLayout(c as Command, 2)])) as Record<Command, Field[]>,
  3: Object.fromEntries(Object.keys(COMMAND_IDS).map((c) => [c, buildLayout(c as Command, 3)])) as Record<Command, Field[]>,
};
const layoutOf = (command: Command, v: CmppVersion): Field[] => LAYOUTS[v][command];

const REPORT_LAYOUT = (v: CmppVersion): Field[] => [
  u64('msgId'),
  str('stat', 7),
  str('submitTime', 10),
  str('doneTime', 10),
  str('destTerminalId', terminal(v)),
  u32('smscSequence'),
];

type Values = Record<string, unknown>;

function fieldSize(field: Field, values: Values): number {
  switch (field.type) {
    case 'u8':
    case 'u32':
    case 'u64':
      return INTEGERS[field.type].size;
    case 'str':
    case 'octets':
      return field.size;
    case 'counted_octets':
      return 1 + (values[field.name] as Buffer).length;
    case 'counted_strs':
      return 1 + field.size * (values[field.name] as string[]).length;
  }
}

function writeStr(buf: Buffer, offset: number, value: string, size: number, name: string): void {
  if (!/^[\x20-\x7e]*$/.test(value) || value.length > size)
    throw new CmppError('bad_field', `${name} must be at most ${size} printable ASCII characters: ${JSON.stringify(value)}`);
  buf.write(value, offset, 'latin1');
}

function writeFields(buf: Buffer, start: number, fields: Field[], values: Values): void {
  let at = start;
  for (const field of fields) {
    const value = values[field.name];
    switch (field.type) {
      case 'u8':
      case 'u32':
      case 'u64':
        INTEGERS[field.type].write(buf, value, at);
        break;
      case 'str':
        writeStr(buf, at, String(value ?? ''), field.size, field.name);
        break;
      case 'octets':
        if (!Buffer.isBuffer(value) || value.length !== field.size)
          throw new CmppError('bad_field', `${field.name} must be ${field.size} octets`);
        value.copy(buf, at);
        break;
      case 'counted_octets': {
        const bytes = value as Buffer;
        if (bytes.length > 255) throw new CmppError('bad_field', `${field.name} is longer than 255 octets`);
        buf.writeUInt8(bytes.length, at);
        bytes.copy(buf, at + 1);
        break;
      }
      case 'counted_strs': {
        const list = value as string[];
        if (list.length > field.max) throw new CmppError('bad_field', `${field.name} has more than ${field.max} entries`);
        buf.writeUInt8(list.length, at);
        list.forEach((s, i) => writeStr(buf, at + 1 + i * field.size, s, field.size, field.name));
        break;
      }
    }
    at += fieldSize(field, values);
  }
}

/** A fixed string as sent: up to its first NUL. */
function readStr(buf: Buffer, at: number, size: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end === -1 || end > at + size ? at + size : end);
}

function need(buf: Buffer, at: number, n: number, what: string, name: string): void {
  if (at + n > buf.length) throw new CmppError('bad_length', `${what}: ${name} runs past the end (${buf.length} octets)`);
}

function readFields(buf: Buffer, start: number, fields: Field[], what: string): Values {
  const values: Values = {};
  let at = start;
  for (const field of fields) {
    switch (field.type) {
      case 'u8':
      case 'u32':
      case 'u64': {
        const int = INTEGERS[field.type];
        need(buf, at, int.size, what, field.name);
        values[field.name] = int.read(buf, at);
        at += int.size;
        break;
      }
      case 'str':
        need(buf, at, field.size, what, field.name);
        values[field.name] = readStr(buf, at, field.size);
        at += field.size;
        break;
      case 'octets':
        need(buf, at, field.size, what, field.name);
        values[field.name] = Buffer.from(buf.subarray(at, at + field.size));
        at += field.size;
        break;
      case 'counted_octets': {
        need(buf, at, 1, what, field.name);
        const n = buf.readUInt8(at);
        need(buf, at, 1 + n, what, field.name);
        values[field.name] = Buffer.from(buf.subarray(at + 1, at + 1 + n));
        at += 1 + n;
        break;
      }
      case 'counted_strs': {
        need(buf, at, 1, what, field.name);
        const n = buf.readUInt8(at);
        if (n > field.max) throw new CmppError('bad_structure', `${what}: ${n} ${field.name}, at most ${field.max}`);
        need(buf, at, 1 + n * field.size, what, field.name);
        values[field.name] = Array.from({ length: n }, (_, i) => readStr(buf, at + 1 + i * field.size, field.size));
        at += 1 + n * field.size;
        break;
      }
    }
  }
  if (at !== buf.length) throw new CmppError('bad_length', `${what}: ${buf.length - at} octets more than the layout`);
  return values;
}

const DEFAULTS: Partial<Record<Command, Values>> = {
  submit: { feeTerminalType: 0, destTerminalType: 0, reserve: '' },
  deliver: { srcTerminalType: 0, reserve: '' },
  active_test_resp: { reserved: 0 },
};

/** The whole PDU, header included. */
export function encodePdu(pdu: Pdu, version: CmppVersion): Buffer {
  const fields = layoutOf(pdu.command, version);
  const values = pdu as unknown as Values;
  const size = HEADER_SIZE + fields.reduce((n, f) => n + fieldSize(f, values), 0);
  const buf = Buffer.alloc(size);
  buf.writeUInt32BE(size, 0);
  buf.writeUInt32BE(COMMAND_IDS[pdu.command], 4);
  buf.writeUInt32BE(pdu.sequenceId >>> 0, 8);
  writeFields(buf, HEADER_SIZE, fields, values);
  return buf;
}

/** The command and sequence of a whole frame, without reading its body. */
export function frameHeader(frame: Buffer): { commandId: number; command: Command | null; sequenceId: number } {
  const commandId = frame.readUInt32BE(4);
  return { commandId, command: COMMAND_NAMES.get(commandId) ?? null, sequenceId: frame.readUInt32BE(8) };
}

/** A gateway refusing our version answers in its own: CONNECT_RESP's length (30 or 33) says which. */
const CONNECT_RESP_SIZE: Record<number, CmppVersion> = { 30: 2, 33: 3 };
const layoutVersion = (command: Command, size: number, version: CmppVersion): CmppVersion =>
  command === 'connect_resp' ? (CONNECT_RESP_SIZE[size] ?? version) : version;

/** One whole frame (as the frame reader returns it) to a PDU; throws CmppError. */
export function decodePdu(frame: Buffer, version: CmppVersion): Pdu {
  if (frame.length < HEADER_SIZE || frame.readUInt32BE(0) !== frame.length)
    throw new CmppError('bad_length', 'Total_Length does not match the frame');
  const { commandId, command, sequenceId } = frameHeader(frame);
  if (!command) throw new CmppError('unknown_command', `unknown Command_Id 0x${commandId.toString(16).padStart(8, '0')}`);
  const values = readFields(frame, HEADER_SIZE, layoutOf(command, layoutVersion(command, frame.length, version)), command);
  // Filled in place: spreading an object of this many keys is ten times slower than the whole decode.
  for (const [key, value] of Object.entries(DEFAULTS[command] ?? {})) if (!(key in values)) values[key] = value;
  values.command = command;
  values.sequenceId = sequenceId;
  return values as unknown as Pdu;
}

/** The 60 (2.0) or 71 (3.0) octets of a status report. */
export function encodeStatusReport(report: StatusReport, version: CmppVersion): Buffer {
  const fields = REPORT_LAYOUT(version);
  const values = report as unknown as Values;
  const buf = Buffer.alloc(fields.reduce((n, f) => n + fieldSize(f, values), 0));
  writeFields(buf, 0, fields, values);
  return buf;
}

export function decodeStatusReport(content: Buffer, version: CmppVersion): StatusReport {
  return readFields(content, 0, REPORT_LAYOUT(version), 'status report') as unknown as StatusReport;
}
