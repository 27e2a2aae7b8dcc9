/**
 * An XML export of a program's records (a till's goods list, a stock program's "export to XML", a Delphi
 * ClientDataSet's `<ROWDATA><ROW spmc="…"/>`): the largest run of sibling elements of one name, each giving fields as
 * attributes or as child elements holding text, is a table of records read like a JSON export (jsonRecords.ts).
 */
import type { SourceBlock } from './htmlToBlocks';
import { recordBlocks, type JsonObject } from './jsonRecords';
import { decodeText } from './textDecoding';
import type { XmlNode } from './xmlTree';

export class XmlProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The encoding an XML declaration names (`encoding="GB2312"`): old Chinese programs write GB2312/GBK. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.-]+)["']/i.exec(head)?.[1];
}

/** An XML file's text: in the encoding it declares (GB2312 read as its superset GB18030), else as a text file. */
export function decodeXml(bytes: Uint8Array): string {
  const declared = declaredEncoding(bytes)?.toLowerCase();
  const label = declared && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) ? 'gb18030' : declared;
  if (label && label !== 'utf-8') {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n');
    } catch {
      // An unknown label or bytes not in it: detect as for any text file.
    }
  }
  return decodeText(bytes).text;
}

const tags = (node: XmlNode) => (node.children ?? []).filter((child) => child.type === 'tag');

/** The text inside an element, CDATA included. */
function textOf(node: XmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** One element's fields: its attributes and its child elements that hold only text. */
function fieldsOf(node: XmlNode): JsonObject {
  const fields: JsonObject = { ...node.attribs };
  for (const child of tags(node)) if (tags(child).length === 0 && child.name) fields[child.name] = textOf(child).trim();
  return fields;
}

/** Every run of two or more sibling elements of one name below `node`. */
function runs(node: XmlNode): XmlNode[][] {
  const byName = new Map<string, XmlNode[]>();
  for (const child of tags(node)) byName.set(child.name!, [...(byName.get(child.name!) ?? []), child]);
  const here = [...byName.values()].filter((run) => run.length >= 2);
  return [...here, ...tags(node).flatMap(runs)];
}

/** The records of the largest run whose elements give fields (a run of empty markers is none). */
export function xmlRecords(root: XmlNode): JsonObject[] {
  const tables = runs(root)
    .map((run) => run.map(fieldsOf))
    .filter((records) => records.filter((fields) => Object.keys(fields).length >= 2).length * 2 > records.length);
  const size = (records: JsonObject[]) => records.reduce((sum, fields) => sum + Object.keys(fields).length, 0);
  return tables.reduce<JsonObject[]>((best, records) => (size(records) > size(best) ? records : best), []);
}

/** An XML file of records as source blocks; `name` (the file's name without extension) names the table. */
export function xmlRecordBlocks(root: XmlNode, name: string): SourceBlock[] {
  const records = xmlRecords(root);
  if (records.length < 2)
    throw new XmlProblem(
      'xml.no_records',
      'The XML file holds no list of records (goods, prices) to read: export the list to Excel instead.',
    );
  return recordBlocks(records, name);
}
