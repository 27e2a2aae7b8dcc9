/**
 * Which Office format a file really is, from its content: newer WPS saves OOXML (a zip with word/,
 * xl/ or ppt/ inside) under its old names (.wps, .et, .dps), and people rename files (a price list
 * sent as "报价.doc" that is an Excel workbook). A zip is known by its parts, an OLE compound file
 * by its streams (WordDocument, Workbook/Book, PowerPoint Document). Undefined when the content
 * says nothing certain (the reader named by the extension then decides and explains).
 */
import CFB from 'cfb';
import { strFromU8, unzipSync } from 'fflate';

export type OfficeFormat = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'doc' | 'xls' | 'ppt';

const ODF_MIME: Record<string, OfficeFormat> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

function zipFormat(bytes: Uint8Array): OfficeFormat | undefined {
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    // Only the mimetype part, stored uncompressed as OpenDocument requires, is unpacked; every name is seen on the way.
    files = unzipSync(bytes, {
      filter: (file) => (names.push(file.name), file.name === 'mimetype' && file.compression === 0 && file.size < 200),
    });
  } catch {
    return undefined;
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return files.mimetype ? ODF_MIME[strFromU8(files.mimetype).trim()] : undefined;
}

function oleFormat(bytes: Uint8Array): OfficeFormat | undefined {
  let names: string[];
  try {
    names = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' }).FileIndex.map(
      (entry) => entry.name,
    );
  } catch {
    return undefined;
  }
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('PowerPoint Document')) return 'ppt';
  return undefined;
}

export function sniffOffice(bytes: Uint8Array): OfficeFormat | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return zipFormat(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return oleFormat(bytes);
  return undefined;
}
