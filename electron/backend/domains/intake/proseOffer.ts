/**
 * An offer told in one sentence under a price list: "另外合作社开展植保无人机飞手培训，帮助考取执照，每人6800元。" — what
 * is offered after the verb that offers it (开展, 提供, 开设 …), a price as the last clause ("每人6800元", "3800元/人"),
 * the clauses between as its description. The product's line as a price list would write it, and those clauses.
 */

/** Who offers, then the verb: "另外合作社开展", "我们还提供", "本店也承接", "学校开设". */
const OFFERING =
  /^(?:另外|此外|同时|另)?[，,\s]*(?:[\u4e00-\u9fff]{0,3}?(?:合作社|公司|本店|店里|我们|我店|本社|我社|学校|本校|厂里|中心))?(?:还|也|另)?(?:开展|提供|开设|开办|承接|推出|举办)(?=[\u4e00-\u9fffA-Za-z])/;

/** "每人6800元", "每期1280元起", "6800元/人", "收费6800元": the price ending the sentence, with its unit. */
const LAST_PRICE =
  /^(?:每\s*([\u4e00-\u9fff]{1,2})\s*)?(?:收费|费用|价格)?\s*(\d[\d,]*(?:\.\d{1,2})?\s*[千万]?元)(?:\s*[/／]\s*([\u4e00-\u9fff]{1,2}))?\s*(起)?$/;

export function proseOffer(text: string): { line: string; notes: string[] } | undefined {
  if (text.length > 100) return undefined;
  const clauses = text
    .split(/[，,；;。！!](?![^（(]*[)）])/)
    .map((clause) => clause.trim())
    .filter(Boolean);
  if (clauses.length < 2) return undefined;
  const offering = OFFERING.exec(clauses[0]!);
  const price = LAST_PRICE.exec(clauses.at(-1)!);
  const name = offering ? clauses[0]!.slice(offering[0].length).trim() : '';
  if (!price || name.length < 2 || name.length > 20) return undefined;
  const unit = price[1] ?? price[3];
  return { line: `${name}  ${price[2]!.replace(/\s+/g, '')}${unit ? `/${unit}` : ''}${price[4] ?? ''}`, notes: clauses.slice(1, -1) };
}
