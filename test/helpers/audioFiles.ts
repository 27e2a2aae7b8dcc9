/**
 * Ring-back tones of a chosen length, built byte by byte because no encoder is installed here: a
 * PCM WAV of a tone, an MP3 of silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, each frame a
 * valid one), and an M4A (ISO base media file, AAC track) whose boxes give its length.
 */
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
};
const fullBox = (type: string, version: number, ...parts: Buffer[]) => box(type, Buffer.from([version, 0, 0, 0]), ...parts);

/** 16-bit mono PCM at 8 kHz: a 440 Hz tone. */
export function wavTone(seconds: number): Buffer {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * 2, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const chunk = (id: string, body: Buffer) => {
    const size = Buffer.alloc(4);
    size.writeUInt32LE(body.length);
    return Buffer.concat([Buffer.from(id, 'latin1'), size, body]);
  };
  const inner = Buffer.concat([Buffer.from('WAVE', 'latin1'), chunk('fmt ', fmt), chunk('data', data)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(inner.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, inner]);
}

/** Silent MPEG-1 Layer III frames: 1152 samples at 44.1 kHz each, 417 bytes at 128 kbit/s. */
export function mp3Silence(seconds: number): Buffer {
  const frames = Math.round((seconds * 44100) / 1152);
  const frame = Buffer.alloc(417);
  frame.writeUInt32BE(0xfffb9064, 0); // sync, MPEG-1, Layer III, no CRC, 128 kbit/s, 44.1 kHz, no padding, joint stereo
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

/** An M4A (AAC in an MP4 container) of `seconds`: the boxes players and parsers read its length and codec from. */
export function m4aFile(seconds: number): Buffer {
  const timescale = 44100;
  const duration = Math.round(seconds * timescale);
  const matrix = Buffer.concat([u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000)]);
  const mvhd = fullBox(
    'mvhd',
    0,
    u32(0),
    u32(0),
    u32(timescale),
    u32(duration),
    u32(0x00010000),
    u16(0x0100),
    Buffer.alloc(10),
    matrix,
    Buffer.alloc(24),
    u32(2),
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    u32(0),
    u32(0),
    u32(1),
    u32(0),
    u32(duration),
    Buffer.alloc(8),
    u16(0),
    u16(0),
    u16(0x0100),
    u16(0),
    matrix,
    u32(0),
    u32(0),
  );
  const mdhd = fullBox('mdhd', 0, u32(0), u32(0), u32(timescale), u32(duration), u16(0x55c4), u16(0)); // language 'und'
  const hdlr = fullBox('hdlr', 0, u32(0), Buffer.from('soun', 'latin1'), Buffer.alloc(12), Buffer.from('SoundHandler\0', 'latin1'));
  const esds = fullBox('esds', 0, Buffer.from('0380808022000000048080801440150000000001f4000001f40005808080021210068080800102', 'hex'));
  const mp4a = box('mp4a', Buffer.alloc(6), u16(1), Buffer.alloc(8), u16(2), u16(16), u16(0), u16(0), u32(timescale << 16), esds);
  const stsd = fullBox('stsd', 0, u32(1), mp4a);
  const empty = (type: string) => fullBox(type, 0, u32(0));
  const stbl = box('stbl', stsd, empty('stts'), empty('stsc'), fullBox('stsz', 0, u32(0), u32(0)), empty('stco'));
  const minf = box('minf', fullBox('smhd', 0, u32(0)), box('dinf', fullBox('dref', 0, u32(1), fullBox('url ', 0))), stbl);
  const moov = box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
  const ftyp = box('ftyp', Buffer.from('M4A ', 'latin1'), u32(0), Buffer.from('M4A mp42isom', 'latin1'));
  return Buffer.concat([ftyp, moov, box('mdat', Buffer.alloc(16))]);
}
