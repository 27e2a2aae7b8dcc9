/**
 * The CMPP codec against STANDARDS.md §6 (CONNECT and its answer, the 2.0 SUBMIT offsets) and the
 * byte vectors of bigwhite/gocmpp's tests (SUBMIT 2.0/3.0, SUBMIT_RESP, DELIVER 3.0); the frame
 * reader on split, coalesced and hostile streams.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authenticatorIsmg, authenticatorSource, cmppTimestamp } from '../src/sms/cmpp/auth';
import {
  CmppError,
  decodePdu,
  decodeStatusReport,
  encodePdu,
  encodeStatusReport,
  HEADER_SIZE,
  type PduOf,
  type StatusReport,
} from '../src/sms/cmpp/codec';
import { FrameReader, MAX_FRAME_SIZE } from '../src/sms/cmpp/frames';
import { composeMsgId, parseMsgId } from '../src/sms/cmpp/msgId';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

const CONNECT_VECTOR = hex('00000027 00000001 00000017 393030303031 90d00c1d517abd0b4f65f6bcf8535d16 21 3cdc73be');

/** gocmpp packet/submit_test.go: "测试gocmpp submit" in UCS-2 to 13500002696, Sequence_Id 0x17. */
const GOCMPP_SUBMIT_2 = hex(
  '000000bd0000000400000017000000000000000001010101746573740000000000000231333530303030323639360000000000000000000000000839303030303130323130000000003135313130353133313535353130312b000000000000000000000000000000000000393030303031000000000000000000000000000000013133353030303032363936000000000000000000001e6d4b8bd50067006f0063006d007000700020007300750062006d006900740000000000000000',
);
const GOCMPP_SUBMIT_3 = hex(
  '000000e10000000400000017000000000000000001010101746573740000000000000231333530303030323639360000000000000000000000000000000000000000000000000839303030303130323130000000003135313130353133313535353130312b000000000000000000000000000000000000393030303031000000000000000000000000000000013133353030303032363936000000000000000000000000000000000000000000001e6d4b8bd50067006f0063006d007000700020007300750062006d006900740000000000000000000000000000000000000000',
);
/** gocmpp packet/deliver_test.go: a CMPP 3.0 MO "This is a test MO." from 13412340000 to 900001. */
const GOCMPP_DELIVER_3 = hex(
  '0000007f0000000500000001b4c55300000100003930303030310000000000000000000000000000000000000000000000000000000031333431323334303030300000000000000000000000000000000000000000000000125468697320697320612074657374204d4f2e0000000000000000000000000000000000000000',
);

const gocmppSubmit = (): PduOf<'submit'> => ({
  command: 'submit',
  sequenceId: 0x17,
  msgId: 0n,
  pkTotal: 1,
  pkNumber: 1,
  registeredDelivery: 1,
  msgLevel: 1,
  serviceId: 'test',
  feeUserType: 2,
  feeTerminalId: '13500002696',
  feeTerminalType: 0,
  tpPid: 0,
  tpUdhi: 0,
  msgFmt: 8,
  msgSrc: '900001',
  feeType: '02',
  feeCode: '10',
  validTime: '151105131555101+',
  atTime: '',
  srcId: '900001',
  destTerminalIds: ['13500002696'],
  destTerminalType: 0,
  msgContent: Buffer.from('测试gocmpp submit', 'utf16le').swap16(),
  reserve: '',
});

describe('CONNECT (STANDARDS §6 vector: SP 900001, secret 888888, 1021080510)', () => {
  const source = authenticatorSource('900001', '888888', 1021080510);

  it('computes AuthenticatorSource = MD5(Source_Addr + 9 × 0 + secret + timestamp)', () => {
    expect(source.toString('hex')).toBe('90d00c1d517abd0b4f65f6bcf8535d16');
  });

  it('encodes the 39-octet CONNECT byte for byte, and reads it back', () => {
    const pdu: PduOf<'connect'> = {
      command: 'connect',
      sequenceId: 0x17,
      sourceAddr: '900001',
      authenticatorSource: source,
      version: 0x21,
      timestamp: 1021080510,
    };
    expect(encodePdu(pdu, 2).toString('hex')).toBe(CONNECT_VECTOR.toString('hex'));
    expect(decodePdu(CONNECT_VECTOR, 2)).toEqual(pdu);
  });

  it('answers with AuthenticatorISMG over a 1-octet status in 2.0 (30 octets) and a 4-octet one in 3.0 (33 octets)', () => {
    expect(authenticatorIsmg(0, 2, source, '888888').toString('hex')).toBe('6c0b846e25bab6daa4ed1c466e0f4bd8');
    expect(authenticatorIsmg(0, 3, source, '888888').toString('hex')).toBe('7942977274098cf210ab0c16c367bc8d');
    for (const [version, total] of [
      [2, 0x1e],
      [3, 0x21],
    ] as const) {
      const resp: PduOf<'connect_resp'> = {
        command: 'connect_resp',
        sequenceId: 0x17,
        status: 0,
        authenticatorIsmg: authenticatorIsmg(0, version, source, '888888'),
        version: 0x21,
      };
      const bytes = encodePdu(resp, version);
      expect(bytes.readUInt32BE(0)).toBe(total);
      expect(bytes.subarray(total - 17, total - 1)).toEqual(resp.authenticatorIsmg);
      expect(decodePdu(bytes, version)).toEqual(resp);
    }
  });

  it('writes the timestamp as MMDDHHMMSS in China time', () => {
    expect(cmppTimestamp(new Date('2026-10-21T00:05:10Z'))).toBe(1021080510);
    expect(cmppTimestamp(new Date('2026-01-01T16:00:00Z'))).toBe(102000000);
  });
});

describe('SUBMIT', () => {
  it('matches gocmpp 2.0 byte for byte, with Src_Id at 107, DestUsr_tl at 128, Msg_Length at 150 and Msg_Content at 151', () => {
    const bytes = encodePdu(gocmppSubmit(), 2);
    expect(bytes.toString('hex')).toBe(GOCMPP_SUBMIT_2.toString('hex'));
    expect(bytes.toString('latin1', 107, 113)).toBe('900001');
    expect(bytes[128]).toBe(1);
    expect(bytes[150]).toBe(30);
    expect(bytes.subarray(151, 181)).toEqual(gocmppSubmit().msgContent);
    expect(decodePdu(GOCMPP_SUBMIT_2, 2)).toEqual(gocmppSubmit());
  });

  it('matches gocmpp 3.0 byte for byte (32-octet terminal ids, terminal types, LinkID 20)', () => {
    expect(encodePdu(gocmppSubmit(), 3).toString('hex')).toBe(GOCMPP_SUBMIT_3.toString('hex'));
    expect(decodePdu(GOCMPP_SUBMIT_3, 3)).toEqual(gocmppSubmit());
  });

  it('answers with Msg_Id and a 1-octet result in 2.0, 4 octets in 3.0', () => {
    const resp: PduOf<'submit_resp'> = { command: 'submit_resp', sequenceId: 0x17, msgId: 12878564852733378560n, result: 0 };
    expect(encodePdu(resp, 2).toString('hex')).toBe('000000158000000400000017b2b9da80000100' + '0000');
    expect(encodePdu(resp, 3).toString('hex')).toBe('000000188000000400000017b2b9da800001000000000000');
    expect(decodePdu(encodePdu({ ...resp, result: 8 }, 2), 2)).toEqual({ ...resp, result: 8 });
  });

  it('refuses to write a field wider than its slot', () => {
    expect(() => encodePdu({ ...gocmppSubmit(), srcId: '1'.repeat(22) }, 2)).toThrow(CmppError);
    expect(() => encodePdu({ ...gocmppSubmit(), serviceId: '业务' }, 2)).toThrow(/printable ASCII/);
  });
});

describe('DELIVER', () => {
  it('reads gocmpp 3.0 MO and writes it back byte for byte', () => {
    const pdu = decodePdu(GOCMPP_DELIVER_3, 3) as PduOf<'deliver'>;
    expect(pdu).toMatchObject({
      sequenceId: 1,
      msgId: 13025908756704198656n,
      destId: '900001',
      srcTerminalId: '13412340000',
      registeredDelivery: 0,
      msgFmt: 0,
    });
    expect(pdu.msgContent.toString('latin1')).toBe('This is a test MO.');
    expect(encodePdu(pdu, 3).toString('hex')).toBe(GOCMPP_DELIVER_3.toString('hex'));
  });

  it('carries a status report: 60 octets in 2.0 (Msg_Id, Stat, times, Dest_terminal_Id, SMSC_sequence), 71 in 3.0', () => {
    const report: StatusReport = {
      msgId: 0xb2b9da8000010000n,
      stat: 'DELIVRD',
      submitTime: '2611201000',
      doneTime: '2611201001',
      destTerminalId: '13800138000',
      smscSequence: 42,
    };
    const content = encodeStatusReport(report, 2);
    expect(content.length).toBe(60);
    expect(content.subarray(0, 8).toString('hex')).toBe('b2b9da8000010000');
    expect(content.toString('latin1', 8, 15)).toBe('DELIVRD');
    expect(content.toString('latin1', 15, 25)).toBe('2611201000');
    expect(content.toString('latin1', 35, 46)).toBe('13800138000');
    expect(content.readUInt32BE(56)).toBe(42);
    expect(encodeStatusReport(report, 3).length).toBe(71);

    const deliver: PduOf<'deliver'> = {
      command: 'deliver',
      sequenceId: 9,
      msgId: 1n,
      destId: '106580001001',
      serviceId: 'ECW',
      tpPid: 0,
      tpUdhi: 0,
      msgFmt: 0,
      srcTerminalId: '13800138000',
      srcTerminalType: 0,
      registeredDelivery: 1,
      msgContent: content,
      reserve: '',
    };
    const bytes = encodePdu(deliver, 2);
    expect(bytes.length).toBe(HEADER_SIZE + 8 + 21 + 10 + 3 + 21 + 1 + 1 + 60 + 8);
    expect(bytes[HEADER_SIZE + 63]).toBe(1); // Registered_Delivery
    expect(bytes[HEADER_SIZE + 64]).toBe(60); // Msg_Length
    const read = decodePdu(bytes, 2) as PduOf<'deliver'>;
    expect(decodeStatusReport(read.msgContent, 2)).toEqual(report);
  });
});

describe('malformed PDUs', () => {
  const submit = encodePdu(gocmppSubmit(), 2);
  const withLength = (buf: Buffer) => {
    const copy = Buffer.from(buf);
    copy.writeUInt32BE(copy.length, 0);
    return copy;
  };

  it('refuses a body longer or shorter than its layout, and a Msg_Length past the end', () => {
    expect(() => decodePdu(withLength(Buffer.concat([submit, Buffer.alloc(3)])), 2)).toThrow(
      expect.objectContaining({ code: 'bad_length' }),
    );
    expect(() => decodePdu(withLength(submit.subarray(0, 150)), 2)).toThrow(expect.objectContaining({ code: 'bad_length' }));
    const lying = Buffer.from(submit);
    lying[150] = 140;
    expect(() => decodePdu(lying, 2)).toThrow(expect.objectContaining({ code: 'bad_length' }));
  });

  it('refuses an unknown Command_Id and a Total_Length that disagrees with the frame', () => {
    const unknown = Buffer.from(encodePdu({ command: 'active_test', sequenceId: 1 }, 2));
    unknown.writeUInt32BE(0x00000099, 4);
    expect(() => decodePdu(unknown, 2)).toThrow(expect.objectContaining({ code: 'unknown_command' }));
    expect(() => decodePdu(Buffer.from('0000000d0000000800000001', 'hex'), 2)).toThrow(expect.objectContaining({ code: 'bad_length' }));
  });

  it('refuses more than 100 destinations', () => {
    const many = Buffer.from(submit);
    many[128] = 101;
    expect(() => decodePdu(many, 2)).toThrow(expect.objectContaining({ code: 'bad_structure' }));
  });

  it('never throws anything but CmppError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), fc.constantFrom(2 as const, 3 as const), (bytes, version) => {
        const reader = new FrameReader();
        try {
          for (const frame of reader.push(Buffer.from(bytes))) {
            try {
              decodePdu(frame, version);
            } catch (err) {
              if (!(err instanceof CmppError)) throw err;
            }
          }
        } catch (err) {
          if (!(err instanceof CmppError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('frame reader', () => {
  const frames = [encodePdu(gocmppSubmit(), 2), encodePdu({ command: 'active_test', sequenceId: 7 }, 2), GOCMPP_SUBMIT_2];
  const stream = Buffer.concat(frames);

  it('returns the same frames however the stream is cut', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      const reader = new FrameReader();
      const got = [...reader.push(stream.subarray(0, cut)), ...reader.push(stream.subarray(cut))];
      expect(got.map((f) => f.toString('hex'))).toEqual(frames.map((f) => f.toString('hex')));
      expect(reader.buffered).toBe(0);
    }
  });

  it('returns coalesced frames one by one, and keeps a partial one for later', () => {
    const reader = new FrameReader();
    expect(reader.push(Buffer.concat([stream, stream.subarray(0, 5)]))).toHaveLength(3);
    expect(reader.buffered).toBe(5);
  });

  it('refuses a Total_Length of 4 GB (or under 12) as soon as its 4 octets arrive, before buffering anything', () => {
    expect(() => new FrameReader().push(Buffer.from('ffffffff', 'hex'))).toThrow(expect.objectContaining({ code: 'bad_length' }));
    expect(() => new FrameReader().push(Buffer.from('0000000b', 'hex'))).toThrow(expect.objectContaining({ code: 'bad_length' }));
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_FRAME_SIZE + 1);
    expect(() => new FrameReader().push(header)).toThrow(CmppError);
  });
});

describe('Msg_Id', () => {
  it('packs month, day, hour, minute, second, ISMG code and sequence into 64 bits and back', () => {
    const parts = { month: 12, day: 31, hour: 23, minute: 59, second: 58, ismgCode: 0x3fffff, sequence: 0xfffe };
    expect(parseMsgId(composeMsgId(parts))).toEqual(parts);
    expect(composeMsgId({ month: 1, day: 1, hour: 0, minute: 0, second: 0, ismgCode: 0, sequence: 1 })).toBe(
      (1n << 60n) | (1n << 55n) | 1n,
    );
  });
});
