/**
 * Material in traditional characters (Hong Kong, Taiwan, older customers: 聯絡我們, 電話, 面議) read
 * with the simplified vocabulary: the characters of our headings, contact labels and price words are
 * folded to their simplified forms for matching only — what is shown keeps the customer's writing.
 * One character for one, so positions in the folded text are positions in the original.
 */
const PAIRS =
  '關关於于們们紹绍簡简況况產产務务價价報报課课線线圖图動动態态聞闻資资訊讯間间聯联絡络繫系係系購购應应買买賣卖營营業业診诊療疗' +
  '賢贤納纳員员職职歷历經经驗验學学電电話话機机傳传郵邮編编網网號号區区門门廳厅時时辦办預预訂订詢询單单費费議议萬万處处標标準准' +
  '團团隊队點点開开結结書书證证優优種种類类顧顾問问詳详總总熱热導导專专與与為为會会當当現现選选擇择輛辆車车銷销貨货';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < PAIRS.length; i += 2) SIMPLIFIED.set(PAIRS[i]!, PAIRS[i + 1]!);

/** The text with the traditional characters our vocabulary uses written simplified; same length. */
export const foldTraditional = (text: string) => text.replace(/[^\x00-\u33ff]/g, (ch) => SIMPLIFIED.get(ch) ?? ch);
