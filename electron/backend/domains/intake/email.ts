/**
 * A forwarded e-mail saved as a file (.eml, as Foxmail, Outlook and web mail save one): its MIME
 * parts taken apart — the text (text/plain, else the HTML part) in the charset it declares, and
 * the attachments with their names (RFC 2047 / RFC 2231 encoded). The forward header block
 * ("-------- 转发邮件信息 --------", 发件人：…, 主题：…) and a signature after "-- " are left out of
 * the text: they are the mail's, not the customer's material. Pictures the HTML part shows from the
 * mail itself (`<img src="cid:…">`, or a web page saved as .mht naming its parts by Content-Location)
 * are handed back with the src that shows them, not as attachments, so they stay where they stand.
 * A reply ("回复：…") is its newest message only: the older mail it quotes is left out.
 */
import type { SourceBlock } from './htmlToBlocks';
import { textOf } from './htmlToBlocks';
import { isContactLine } from './contact';
import { decodeText } from './textDecoding';

export const MAX_EMAIL_PARTS = 100;

export class EmailProblem extends Error {
  readonly code = 'email.unreadable';
}

export interface EmailAttachment {
  name: string;
  bytes: Uint8Array;
}

/** A picture the HTML part shows from a part of the mail: `src` as the HTML writes it. */
export interface ShownPicture {
  src: string;
  bytes: Uint8Array;
}

export interface EmailContent {
  /** The mail's text as lines; `html` when the mail has only an HTML part. */
  text?: string;
  html?: string;
  /** Pictures the HTML shows from the mail's own parts (cid: or Content-Location). */
  pictures: ShownPicture[];
  attachments: EmailAttachment[];
}

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

/** Headers (unfolded) and body of one MIME entity. */
function entity(raw: Buffer): Part {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  const head = end ? text.slice(0, end.index) : text;
  const body = end ? raw.subarray(end.index + end[0].length) : Buffer.alloc(0);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return { headers, body };
}

/** A header's parameter: `boundary="…"`, `charset=GBK`, `filename*=UTF-8''%E5%86…`. */
function parameter(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const extended = new RegExp(`(?:^|;)\\s*${name}\\*=([^']*)'[^']*'([^;]+)`, 'i').exec(header);
  if (extended) return decodeBytes(percentDecode(extended[2]!.trim()), extended[1]!);
  const plain = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  const value = plain?.[1] ?? plain?.[2];
  return value === undefined ? undefined : encodedWords(value);
}

const percentDecode = (s: string) =>
  Buffer.from(
    s.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );

function decodeBytes(bytes: Buffer, charset: string): string {
  const label = charset.trim().toLowerCase() || 'utf-8';
  try {
    // GB2312 mail is written in GBK more often than not; GB18030 reads both.
    return new TextDecoder(/^(gb2312|gbk|x-gbk|cp936)$/.test(label) ? 'gb18030' : label).decode(bytes);
  } catch {
    return decodeText(bytes).text;
  }
}

/** RFC 2047 words in headers: `=?GBK?B?wOS/4i5qcGc=?=`, `=?utf-8?Q?=E5=86=B7?=`. */
function encodedWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=(?:\s+(?==\?))?/gi, (_, charset: string, encoding: string, text: string) =>
    decodeBytes(encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' ')), charset),
  );
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? /^[0-9a-f]{2}/i.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodedBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(part.body.toString('latin1'));
  return part.body;
}

/** The leaf parts of a multipart entity, depth first. */
function leaves(part: Part, out: Part[]): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /^multipart\//i.test(type) ? parameter(type, 'boundary') : undefined;
  if (!boundary) {
    out.push(part);
    return out;
  }
  const text = part.body.toString('latin1');
  const marker = `--${boundary}`;
  let at = text.indexOf(marker);
  while (at >= 0 && out.length < MAX_EMAIL_PARTS) {
    const start = text.indexOf('\n', at) + 1;
    if (start === 0 || text.startsWith(`${marker}--`, at)) break;
    const next = text.indexOf(marker, start);
    // The line break before a boundary belongs to the boundary.
    let end = next < 0 ? text.length : next;
    if (text[end - 1] === '\n') end--;
    if (text[end - 1] === '\r') end--;
    leaves(entity(part.body.subarray(start, Math.max(start, end))), out);
    at = next;
  }
  return out;
}

/** Lines of a forward's header block and of a signature: not the customer's material. */
const FORWARD_SEPARATOR = /^\s*-{2,}\s*(?:转发|原始|Forwarded|Original)[^-]*-{2,}\s*$/i;
const MAIL_HEADER = /^\s*(?:发件人|收件人|抄送|发送时间|发送日期|日期|时间|主题|From|To|Cc|Sent|Date|Subject)\s*[：:]/i;

/**
 * What a signature tells of the contact ("周涛 | 销售主管", "手机：138…", "地址：…"): its contact lines, and the
 * sender's name on its first line as the contact person. Nothing when it has no contact line.
 */
function signatureContact(lines: string[]): string[] {
  const contact = lines.filter((line) => isContactLine(line));
  if (contact.length === 0) return [];
  const first = lines.find((line) => line.trim()) ?? '';
  const sender = /^\s*([\u4e00-\u9fff]{2,4})(?:\s*[|｜/·,，]\s*[^\s|｜]{2,12}|\s+[\u4e00-\u9fff]{2,8})?\s*$/.exec(first);
  return [...(sender && !isContactLine(first) ? [`联系人：${sender[1]}`] : []), ...contact.map((line) => line.trim())];
}

/** "回复：…", "Re: …", "答复：…": a reply, whose older mail quoted under it is not the news it brings. */
const REPLY_SUBJECT = /^\s*(?:回复|答复|Re)\s*[：:]/i;
/** Where a reply quotes the older mail: "-----原始邮件-----", "-----Original Message-----", "在 …，张伟 写道：", "On … wrote:". */
const QUOTE_START = /^\s*(?:-{2,}\s*(?:原始邮件|Original Message)\s*-{2,}|.{0,120}(?:写道|wrote)\s*[：:])\s*$/i;
/** A line quoted from an older mail ("> 红富士80果　7元/公斤"). */
const QUOTED_LINE = /^\s*>/;

/**
 * The mail's own text without forward headers; of the signature after "-- ", its contact lines only. Lines
 * quoted with ">" are an older mail's, and so is all of a reply below its quote separator: prices and names
 * the newest message corrects or withdraws.
 */
export function mailText(text: string, reply = false): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let inHeader = false;
  for (const [index, line] of lines.entries()) {
    if (reply && QUOTE_START.test(line)) break;
    if (QUOTED_LINE.test(line)) continue;
    if (/^--\s?$/.test(line)) {
      const contact = signatureContact(lines.slice(index + 1));
      if (contact.length) out.push('', ...contact);
      break;
    }
    if (FORWARD_SEPARATOR.test(line)) {
      inHeader = true;
      continue;
    }
    if (inHeader && (MAIL_HEADER.test(line) || !line.trim())) {
      if (!line.trim()) inHeader = false;
      continue;
    }
    inHeader = false;
    out.push(line);
  }
  return withSignOff(withoutGreeting(out)).join('\n');
}

/** "张经理：", "李总您好！", "尊敬的王老师：": the mail greeting its reader, not a heading of the material. */
const GREETING =
  /^\s*(?:尊敬的[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff](?:经理|总|老师|先生|女士|小姐|主任|老板|师傅|姐|哥))(?:您好|你好)?\s*[：:，,！!]\s*$|^\s*[\u4e00-\u9fff]{0,6}(?:您好|你好)\s*[：:，,！!]\s*$/;

function withoutGreeting(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim());
  return first >= 0 && GREETING.test(lines[first]!) ? lines.filter((_, i) => i !== first) : lines;
}

/** What a signature's line under the name says: the business ("…苹果园", "…有限公司") or the writer's role. */
const SIGNED_AS = /(?:公司|厂|店|园|场|社|部|中心|行|馆|室|所|院|经理|主管|总监|主任|老板|店长|厂长|会计|助理)$/;
/** Closing words of a letter, not a name: 此致 / 敬礼, 谢谢, 祝好. */
const CLOSING = /^(?:此致|敬礼|谢谢|多谢|祝好|顺祝|商祺|您好|你好)/;

/**
 * "徐丽" over "沂源县老徐家苹果园" as the mail's last lines: the writer signing with her name over the business's, so
 * the name is the contact person ("联系人：徐丽"), not a heading or an item.
 */
function withSignOff(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim()) start--;
  const block = lines.slice(start, end).map((line) => line.trim());
  const name = /^[\u4e00-\u9fff]{2,3}$/.exec(block[0] ?? '')?.[0];
  const signed = name && !CLOSING.test(name) && block.length >= 2 && block.length <= 3;
  if (!signed || !block.slice(1).every((line) => line.length <= 40 && SIGNED_AS.test(line))) return lines;
  return [...lines.slice(0, start), `联系人：${name}`, ...lines.slice(start + 1)];
}

/** A reply's HTML up to the older mail it quotes (its separator line, or a <blockquote>). */
function replyHtml(html: string): string {
  const separator = /-{2,}\s*(?:原始邮件|Original Message)\s*-{2,}|<blockquote\b/i.exec(html);
  return separator ? html.slice(0, separator.index) : html;
}

/** Mail writers (Foxmail, web mail) put each line in a <div>: as paragraphs, lines stay lines. */
export const linesAsParagraphs = (html: string) => html.replace(/<(\/?)div\b/gi, '<$1p');

/** A Content-ID without its angle brackets, as `cid:` URLs name it. */
const contentId = (part: Part) => (part.headers.get('content-id') ?? '').trim().replace(/^<|>$/g, '');

function decodedUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

const IMG_SRC = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The part an `<img src>` shows: by Content-ID for `cid:`, else by Content-Location (whole, or its end). */
function shownPart(src: string, images: Part[]): Part | undefined {
  if (/^cid:/i.test(src)) {
    const id = decodedUri(src.slice(4));
    return images.find((part) => contentId(part) === id);
  }
  const wanted = decodedUri(src).replace(/\\/g, '/');
  if (!wanted) return undefined;
  return images.find((part) => {
    // Headers are read as Latin-1; a location written in UTF-8 bytes is read again as UTF-8.
    const raw = part.headers.get('content-location') ?? '';
    const location = decodedUri(Buffer.from(raw, 'latin1').toString('utf8')).replace(/\\/g, '/');
    return location !== '' && (location === wanted || location.endsWith(`/${wanted.replace(/^\.\//, '')}`));
  });
}

/** Reads an .eml file: its text (or HTML), the pictures its HTML shows, and attachments. */
export function readEmail(bytes: Uint8Array): EmailContent {
  const root = entity(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!root.headers.has('content-type') && !root.headers.has('from') && !root.headers.has('subject'))
    throw new EmailProblem('The file is not an e-mail saved as .eml (it has no mail headers).');
  const content: EmailContent = { pictures: [], attachments: [] };
  // Headers are read as Latin-1; a subject typed in UTF-8 without encoded words is read again as UTF-8.
  const reply = REPLY_SUBJECT.test(encodedWords(Buffer.from(root.headers.get('subject') ?? '', 'latin1').toString('utf8')));
  const parts = leaves(root, []);
  const images = parts.filter((part) => /^image\//i.test(part.headers.get('content-type') ?? ''));
  const named = (part: Part) => {
    const disposition = part.headers.get('content-disposition') ?? '';
    const name = parameter(disposition, 'filename') ?? parameter(part.headers.get('content-type'), 'name');
    return name || /^attachment/i.test(disposition) ? (name ?? 'attachment') : undefined;
  };
  for (const part of parts) {
    if (named(part) !== undefined) continue;
    const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
    const charset = parameter(part.headers.get('content-type'), 'charset') ?? '';
    if (type.startsWith('text/plain') && content.text === undefined)
      content.text = mailText(decodeBytes(decodedBody(part), charset), reply);
    else if (type.startsWith('text/html') && content.html === undefined) {
      const html = decodeBytes(decodedBody(part), charset);
      content.html = linesAsParagraphs(reply ? replyHtml(html) : html);
    }
  }
  const shown = new Set<Part>();
  for (const match of (content.html ?? '').matchAll(IMG_SRC)) {
    const src = match[1] ?? match[2] ?? match[3] ?? '';
    const part = shownPart(src.trim(), images);
    if (!part) continue;
    shown.add(part);
    content.pictures.push({ src, bytes: new Uint8Array(decodedBody(part)) });
  }
  for (const part of parts) {
    const name = named(part);
    if (name === undefined || shown.has(part)) continue;
    content.attachments.push({ name: name.replace(/[\\/]/g, '_').slice(0, 200), bytes: new Uint8Array(decodedBody(part)) });
  }
  return content;
}

/** The mail's blocks without a forward's header block; of the signature after "--", its contact lines (see mailText). */
export function withoutMailHeaders(blocks: SourceBlock[]): SourceBlock[] {
  const kept: SourceBlock[] = [];
  let inHeader = false;
  for (const [index, block] of blocks.entries()) {
    const text = textOf(block);
    if (/^--\s?$/.test(text.trim())) {
      const contact = signatureContact(blocks.slice(index + 1).map(textOf));
      kept.push(...contact.map((line): SourceBlock => ({ type: 'paragraph', runs: [{ text: line }] })));
      break;
    }
    if (FORWARD_SEPARATOR.test(text)) inHeader = true;
    else if (kept.length === 0 && GREETING.test(text)) continue;
    else if (!(inHeader && MAIL_HEADER.test(text))) {
      inHeader = false;
      kept.push(block);
    }
  }
  return kept;
}
