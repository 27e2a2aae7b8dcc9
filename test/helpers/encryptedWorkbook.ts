/**
 * What Excel saves when a workbook gets a password (文件 → 信息 → 用密码进行加密): no zip, but an OLE
 * compound file (MS-CFB, version 3) holding an `EncryptionInfo` and an `EncryptedPackage` stream
 * (MS-OFFCRYPTO agile encryption). Built here because no tool on the machine writes one; the
 * package bytes are random, as encrypted bytes look.
 */
import { randomBytes } from 'node:crypto';

const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const STREAM_SECTORS = 8; // 4096 bytes each: at the mini-stream cutoff, so both live in regular sectors

const AGILE_INFO = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="${randomBytes(16).toString('base64')}"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></keyEncryptor></keyEncryptors></encryption>`;

function directoryEntry(name: string, type: number, start: number, size: number, right = FREE, child = FREE): Buffer {
  const entry = Buffer.alloc(128);
  if (type === 0) {
    entry.writeUInt32LE(FREE, 0x44);
    entry.writeUInt32LE(FREE, 0x48);
    entry.writeUInt32LE(FREE, 0x4c);
    return entry;
  }
  const utf16 = Buffer.from(`${name}\0`, 'utf16le');
  utf16.copy(entry, 0);
  entry.writeUInt16LE(utf16.length, 0x40);
  entry.writeUInt8(type, 0x42);
  entry.writeUInt8(1, 0x43); // black
  entry.writeUInt32LE(FREE, 0x44); // left sibling
  entry.writeUInt32LE(right, 0x48);
  entry.writeUInt32LE(child, 0x4c);
  entry.writeUInt32LE(start, 0x74);
  entry.writeUInt32LE(size, 0x78);
  return entry;
}

export function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory is sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  const chain = (first: number) => {
    for (let s = first; s < first + STREAM_SECTORS; s++) fat.writeUInt32LE(s === first + STREAM_SECTORS - 1 ? END_OF_CHAIN : s + 1, s * 4);
  };
  chain(2);
  chain(2 + STREAM_SECTORS);

  const size = STREAM_SECTORS * SECTOR;
  const info = Buffer.alloc(size);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  Buffer.from(AGILE_INFO, 'utf8').copy(info, 8);
  const infoLength = 8 + Buffer.byteLength(AGILE_INFO);
  const pkg = randomBytes(size);
  pkg.writeBigUInt64LE(BigInt(size - 8), 0); // the decrypted package's size comes first

  const directory = Buffer.concat([
    directoryEntry('Root Entry', 5, END_OF_CHAIN, 0, FREE, 1),
    directoryEntry('EncryptionInfo', 2, 2, infoLength, 2),
    directoryEntry('EncryptedPackage', 2, 2 + STREAM_SECTORS, size),
    directoryEntry('', 0, 0, 0),
  ]);
  return Buffer.concat([header, fat, directory, info, pkg]);
}
