/**
 * "新年活动：12月15日至1月15日，拍任意套系送…": an event named before a colon, then its dates, is a dated notice
 * titled by that name — also inside a price list or an introduction, where it is no item of theirs.
 */
import { isCurrentNotice } from './lineItems';

/** "新年活动", "双十二优惠", "会员福利": a short name ending in what an event is called, then a colon. */
const EVENT_LABEL = /^([\u4e00-\u9fffA-Za-z0-9]{1,8}(?:活动|优惠|特惠|福利|促销))\s*[：:]\s*(\S.*)$/u;

/** The notice's title (the event's name) and its dated text; undefined unless the text after the colon opens with a current date. */
export function labelledNotice(text: string, fileYears: number[], today: string): { title: string; text: string } | undefined {
  const match = EVENT_LABEL.exec(text.trim());
  if (!match || !isCurrentNotice(match[2]!, fileYears, today)) return undefined;
  return { title: match[1]!, text: match[2]! };
}

/**
 * "寒假班2027年1月18日开课，…", "新店2027年3月8日开业。": what starts on a day written with its year (this year or later),
 * named in a few words before it.
 */
const SCHEDULED_START =
  /^[\u4e00-\u9fff]{2,8}?(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:正式)?(?:开课|开学|开班|开营|开业|开园|开幕|开始报名)(?=[，,。；;！!\s]|$)/u;

/** The notice's title (the clause saying what starts when) and its text; undefined for any other line. */
export function scheduledStart(text: string, today: string): { title: string; text: string } | undefined {
  const match = SCHEDULED_START.exec(text.trim());
  return match && Number(match[1]) >= Number(today.slice(0, 4)) ? { title: match[0], text: text.trim() } : undefined;
}

/** "喜报", "通知", "好消息": a heading that says what kind of notice follows, not what it is about — the notice's own words title it. */
export const namesNoticeKind = (heading: string) =>
  /^(?:喜报|捷报|喜讯|通知|公告|通告|好消息|快讯|最新消息|重要通知|温馨提示)[!！]*$/u.test(heading.trim());
