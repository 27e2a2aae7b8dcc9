/**
 * A phone's screenshot of a chat (WeChat, QQ) read by OCR: a status bar on top ("10:15  5G 63%"),
 * timestamps between messages ("上午10:12", "昨天 18:30"), and messages in bubbles set apart by gaps.
 * The gaps are not the empty lines around headings of a page: each message is a line (a bubble's
 * rows that wrap joined), and the status bar and timestamps go.
 */
import { isContactLine } from './contact';
import type { TextLine } from './lines';

/** "10:15", "10:15  5G 63%", "中国移动 10:15 87%": a phone's status bar. */
const STATUS_BAR = /^(?:\S{0,8}\s*)?\d{1,2}:\d{2}(?:\s+.*)?\s+\d{1,3}\s*%$|^\d{1,2}:\d{2}$/;
/** "上午10:12", "昨天 18:30", "星期二 9:05", "11月30日 下午3:05": a chat's timestamp. */
const TIMESTAMP =
  /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*)?(?:昨天|前天|今天|星期.|周.)?\s*(?:上午|下午|中午|晚上|凌晨|早上)?\s*\d{1,2}:\d{2}$/;

const isFrame = (text: string) => STATUS_BAR.test(text) || TIMESTAMP.test(text);

/** Rows of text between gaps: the bubbles of a chat, the paragraphs and lists of a page. */
function groups(lines: TextLine[]): number[] {
  const sizes = [0];
  for (const line of lines) {
    const text = line.text.trim();
    if (!text) sizes.push(0);
    else if (!isFrame(text)) sizes[sizes.length - 1]!++;
  }
  return sizes.filter(Boolean);
}

/**
 * A chat screen: its first rows hold a status bar, a timestamp follows, and its text stands in short
 * groups apart (bubbles) — a phone's note or a web page shows a list of rows together.
 */
export function isChatScreen(lines: TextLine[]): boolean {
  const texts = lines.map((l) => l.text.trim()).filter(Boolean);
  const bubbles = groups(lines);
  return (
    texts.slice(0, 2).some((t) => STATUS_BAR.test(t)) &&
    texts.slice(1).some((t) => TIMESTAMP.test(t) && !STATUS_BAR.test(t)) &&
    bubbles.length >= 4 &&
    bubbles.every((rows) => rows <= MAX_BUBBLE_ROWS)
  );
}

/** Rows of one message at most (a longer message is rare; a list of rows is a page's). */
const MAX_BUBBLE_ROWS = 4;

/** A row that starts something of its own: a contact line, a priced or labelled line ("价格：…"). */
const standsAlone = (text: string) => isContactLine(text) || /^[^，。：:]{1,8}[：:]/.test(text);

/** "滨州市滨城区黄河五路369号": an address sent bare, as people do in a chat. */
const BARE_ADDRESS = /^[\u4e00-\u9fff]{2,}[省市区县镇].{2,30}?\d+号(?:楼|院)?$/;

/** "王姐（王记包子）", "刘经理": a chat's title, the name the contact is saved under — a surname with a title. */
const CHAT_TITLE =
  /^((?:[\u4e00-\u9fff](?:姐|哥|总|经理|老板|师傅|老师|店长|厂长|叔|姨)|[小老][\u4e00-\u9fff]))(?:\s*[（(][^）)]{2,16}[)）])?$/;

/** The messages of a chat screen as lines; other lines are returned as they are. */
export function chatScreenLines(lines: TextLine[]): TextLine[] {
  if (!isChatScreen(lines)) return lines;
  const messages: TextLine[] = [];
  let bubble = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (!text || isFrame(text)) {
      bubble = false;
      continue;
    }
    const previous = messages.at(-1);
    if (bubble && previous && !standsAlone(text) && !standsAlone(previous.text)) previous.text = `${previous.text} ${text}`;
    else messages.push({ text: line.text.trim() });
    bubble = true;
  }
  // A bare address sent with the phone numbers is the contact's address.
  const read = messages.map((m, i) =>
    BARE_ADDRESS.test(m.text) && !isContactLine(m.text) && isContactLine(messages[i + 1]?.text ?? '') ? { text: `地址：${m.text}` } : m,
  );
  // The chat's title (the first row after the status bar) is the name the customer goes by: it joins the contact lines.
  const title = CHAT_TITLE.exec(read[0]?.text ?? '');
  if (!title) return read;
  const person = { text: `联系人：${title[1]}` };
  const lastContact = read.findLastIndex((m) => isContactLine(m.text));
  return lastContact < 0 ? [...read.slice(1), person] : [...read.slice(1, lastContact + 1), person, ...read.slice(lastContact + 1)];
}
