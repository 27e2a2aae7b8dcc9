/**
 * The customer's wishes in a notes file ("网站主色调希望用绿色。", "回复CJ参加抽奖，奖品为茶具一套（10名）…",
 * "中秋节给会员发送祝福短信。"): parsed where they are clear, each with the line it came from.
 * Lines no rule understands are returned for the unsorted tray.
 */
import type { CareMessage, Lottery } from '../../../../shared/sites/model';
import { findFestival } from './festivals';

export const COLOURS = ['绿', '红', '蓝', '橙', '黄', '金', '紫', '灰', '黑', '墨', '褐', '棕', '咖啡', '青'] as const;
export type Colour = (typeof COLOURS)[number];

export interface Wish<T> {
  value: T;
  line: string;
}

export interface Wishes {
  colour?: Wish<Colour>;
  lottery?: Wish<Lottery>;
  care: Wish<Omit<CareMessage, 'id' | 'text'> & { festival: string }>[];
  /** Lines no rule claimed. */
  rest: string[];
}

function findColour(line: string): Colour | undefined {
  if (!/(主色调|色调|颜色|主色|配色|色彩|风格|底色)/.test(line)) return undefined;
  const at = (c: string) => {
    const i = line.indexOf(c);
    return i < 0 ? Infinity : i;
  };
  const found = COLOURS.filter((c) => line.includes(c)).sort((a, b) => at(a) - at(b));
  return found[0];
}

const PRIZE = /^(.+?)\s*[（(]?\s*(\d{1,6})\s*(?:名|个|份|人|位|套)\s*[)）]?$/;

/** "回复CJ参加抽奖，奖品为茶具一套（10名）、50元代金券（100名）" → keyword and prizes. */
function parseLottery(line: string): Lottery | undefined {
  if (!line.includes('抽奖')) return undefined;
  const keyword = /回复?\s*[“"「]?([A-Za-z0-9]{1,10})[”"」]?\s*(?:参加|参与|即可|进行)?\s*抽奖/.exec(line)?.[1];
  const prizeText = /奖品\s*(?:为|是|有|包括)?\s*[：:]?\s*([^。；;]+)/.exec(line)?.[1];
  if (!keyword || !prizeText) return undefined;
  const prizes = prizeText
    .split(/[、，,；;]/)
    .map((part) => PRIZE.exec(part.trim()))
    .filter((m): m is RegExpExecArray => Boolean(m))
    .map((m) => ({ name: m[1]!.trim().slice(0, 30), count: Number(m[2]), chancePer10000: 0 }));
  if (prizes.length === 0) return undefined;
  // The notes rarely give odds: start every prize at count per 10,000 draws (capped), for the manager to confirm.
  let budget = 10_000;
  for (const prize of prizes) {
    prize.chancePer10000 = Math.min(prize.count, budget);
    budget -= prize.chancePer10000;
  }
  return {
    enabled: true,
    keyword: keyword.toUpperCase(),
    intro: `回复${keyword.toUpperCase()}参加抽奖，奖品：${prizes.map((p) => `${p.name}${p.count}名`).join('、')}`.slice(0, 140),
    prizes,
    perNumberLimit: 1,
    winText: '恭喜您中奖！',
    loseText: '很遗憾未中奖，感谢参与！',
  };
}

function parseCare(line: string, today: string): Wish<Omit<CareMessage, 'id' | 'text'> & { festival: string }> | undefined {
  if (!/(祝福|问候|关怀|慰问)/.test(line)) return undefined;
  const festival = findFestival(line, today);
  return festival ? { value: { date: festival.date, occasion: festival.name.slice(0, 30), festival: festival.name }, line } : undefined;
}

/** Splits notes into wishes and leftovers. `today` (ISO date) picks the next date of a lunar festival. */
export function parseWishes(text: string, today: string): Wishes {
  const wishes: Wishes = { care: [], rest: [] };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colour = wishes.colour ? undefined : findColour(line);
    const lottery = wishes.lottery ? undefined : parseLottery(line);
    const care = parseCare(line, today);
    if (colour) wishes.colour = { value: colour, line };
    else if (lottery) wishes.lottery = { value: lottery, line };
    else if (care) wishes.care.push(care);
    else wishes.rest.push(line);
  }
  return wishes;
}
