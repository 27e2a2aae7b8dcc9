/**
 * What a photo's file name says: which item it shows (数控车床CK6150.jpg, XK7132.jpg, 折弯机.jpg,
 * hongshaorou.jpg, 宫爆鸡丁.jpg), that it is the logo, a place (厂区全景, 车间, 门店 → the intro
 * column), a licence (营业执照 → not a site photo), a printed page (价目表.jpg → OCR), or nothing
 * (IMG_0042.JPG). Every match says how it was made.
 */
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { itemTitle, runsText, type Column, type Item } from '../../../../shared/sites/model';
import { matchColumnKeyword, namesTwoColumns } from './keywords';
import { productLine, type ProductLine } from './lineItems';
import { foldTraditional } from './traditional';

/** "普洱-2.JPG", "普洱 (1).jpg", "普洱_a.jpg" → "普洱". */
export function photoStem(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).normalize('NFC').trim();
  // A copy number ("-2", " (1)", "银针2") goes; the digits of a model number ("CK6150") stay.
  return (
    base
      .replace(/(?:[\s_-]+[（(]?\d{1,3}[)）]?|[（(]\d{1,3}[)）]|(?<![\dA-Za-z])\d{1,3})$/, '')
      .replace(/[\s_-]+[a-z]$/i, '')
      .trim() || base
  );
}

const LOGO = /logo|标志|商标|徽标|标识|徽章|log[o0]/i;
export const isLogoName = (fileName: string) => LOGO.test(photoStem(fileName));

/** Licences and identity papers: never shown on a site. */
export const isLicenceName = (fileName: string) =>
  /营业执照|执照|许可证|身份证|税务登记|组织机构代码|开户许可|法人证|资质证书|资质|备案书|备案证|备案凭证|备案回执|登记证|合格证|检疫证|防疫证|卫生证|健康证/.test(
    photoStem(fileName),
  );

/** QR codes (a WeChat shop, a payment code): kept off the site like licences — the site shows its own contact. */
export const isQrCodeName = (fileName: string) =>
  /二维码|qr\s*code|(?<![a-z])qr(?![a-z])|收款码|付款码|小程序码/i.test(photoStem(fileName));

/** Names a phone, camera or chat app gives, or "截图" alone: they say nothing about the picture. */
export const isCameraName = (fileName: string) =>
  /^(img|dsc|dscn|dcim|pic|photo|image|mvimg|wx_camera|mmexport|screenshot|微信图片|qq图片|截图|屏幕截图|未命名|新建|扫描全能王)?[\s_-]*[\d_\s-]{3,}$/i.test(
    photoStem(fileName),
  ) ||
  // "微信截图_20261201101522", "QQ截图20261201": a chat app's or the system's screenshot.
  /^(img|dsc|pic|微信图片|mmexport|screenshot|(?:微信|qq|tim|企业微信|钉钉|手机|屏幕)?(?:截图|截屏))[_\s-]?\d/i.test(photoStem(fileName)) ||
  // "截图.png", "屏幕截图.png": a screenshot named by the phone or the person only as one.
  /^(?:screenshot|screen\s*shot|截图|截屏|屏幕截图|手机截图|未命名)$/i.test(photoStem(fileName));

/** Pictures of printed material (and a WeChat 长图, a tall picture made to be read): read by OCR, not shown as photos. */
export const isDocumentName = (fileName: string) =>
  /价目表|价格表|价目|报价单|菜单|菜谱|宣传单|宣传页|彩页|传单|海报文字|长图|说明书|简介|资料|扫描|scan|文件|通知|招聘启事/i.test(
    photoStem(fileName),
  ) || isCardOrPosterName(fileName);

/**
 * A name an office copier or a scanner gives its scan ("SKM_C25826120415300" from a Konica Minolta,
 * "KM_C3350i20261204", "Doc_20261204153000", "SCN_0001"): the picture is a scanned page, read by OCR.
 */
export const isScannerName = (fileName: string) =>
  /^(?:skm|km|bizhub|ricoh|sharp|xerox|kyocera|doc|scn|scanned)[\s_-]*(?:[a-z]{1,2}\d{2,4}[a-z]?[\s_-]*)?\d{4,}$/i.test(
    photoStem(fileName).replace(/[（(]第\d+页[)）]$/, ''),
  );

/**
 * A business card photographed front and back ("名片正面", "老板的名片", "business card back") and a poster
 * ("开业海报", "poster"): printed text to read. A print shop's sample ("名片样品") is a product photo, not one.
 */
const isCardOrPosterName = (fileName: string) =>
  /^(?:[\u4e00-\u9fff]{0,4}的?)?名片(?:正面|背面|反面|[正反背]面?)?[\s_-]*\d*$|海报$|^(?:business[\s_-]*)?card(?:[\s_-]*(?:front|back))?[\s_-]*\d*$|poster$/i.test(
    photoStem(fileName).trim(),
  );

/**
 * A product a photo's name gives: "实木餐桌 1280元.jpg", "布艺沙发-3680元.jpg" (a name and a price);
 * with `anyName`, also a name alone ("儿童床（松木）.jpg") — for a folder of photos only. Names of
 * cameras, places, logos, licences and printed pages give none.
 */
export function productOfPhotoName(fileName: string, anyName: boolean): ProductLine | undefined {
  if (isCameraName(fileName) || isPlaceName(fileName) || isLogoName(fileName) || isLicenceName(fileName) || isDocumentName(fileName))
    return undefined;
  const stem = photoStem(fileName).replace(/[\s_-]+(?=[¥￥\d])/, ' ');
  const priced = productLine(stem);
  if (priced?.price) return priced;
  const named = anyName && /^[\u4e00-\u9fff][\u4e00-\u9fff\w（）()·\s]{1,29}$/.test(stem) && !/\d{3,}/.test(stem);
  return named ? { name: stem } : undefined;
}

/** Words for places a business shows: its grounds, buildings, rooms. */
const PLACE_WORDS =
  /全景|外景|内景|实景|外观|鸟瞰|航拍|环境|风景|风光|景色|夜景|日落|日出|门头|门面|门店|门市|店面|门口|院子|庭院|一角|角落|泳池|店内|店铺|店里|大门|大堂|大厅|前台|柜台|摊位|档口|收银台|展厅|样板间|鱼塘|池塘|车间|作坊|工坊|厂房|工厂|厂区|仓库|库房|基地|园区|大棚|包间|包厢|雅座|卡座|吧台|后厨|校园|教室|办公|小区|绿化|大楼|大厦|楼宇|码头|猪圈|羊圈|牛圈/;
/**
 * The last character of a place's name: 候诊区, 茶室, 接待厅, 堆场, 茶园, 展馆, 冷库, 摄影棚, 琴房, 猪舍, 绣坊, 稻田, 红薯地 (not 质地, 产地), 海洋球池 (not 电池),
 * a room 样品间, 洗手间 (not the 间 of time or position: 时间, 中间, 期间, 之间, 夜间, 空间), a grove 油茶林, 竹林.
 */
const PLACE_ENDING =
  /[区室厅场园馆库棚房舍坊田]$|(?<![质目的产])地$|(?<!电)池$|(?<![时中期之瞬民人夜晚午其世腰坊区空田])间$|[茶果竹树松杉]林$/;

/** One pinyin syllable, written without tones: an initial and a final, or a final that stands alone. */
const SYLLABLE =
  '(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)|ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)';
const PINYIN_WORD = new RegExp(`^${SYLLABLE}{2,8}$`);
/** The endings of PLACE_ENDING in pinyin (室 is left out: shi ends too many words). */
const PLACE_ENDING_SOUND = /(?:qu|ting|chang|yuan|guan|ku|peng|fang)$/;
let placeSounds: string[] | undefined;

/** "nongjiayuan.jpg", "menmian.jpg": a name in pinyin that sounds like a place word or ends like one. */
function isPinyinPlace(stem: string): boolean {
  const word = stem.toLowerCase();
  if (!/^[a-z]+$/i.test(stem) || !PINYIN_WORD.test(word)) return false;
  placeSounds ??= PLACE_WORDS.source
    .split('|')
    .map((place) => pinyin(place, { toneType: 'none', type: 'array' }).join(''))
    .filter((sound) => sound.length >= 4);
  return PLACE_ENDING_SOUND.test(word) || placeSounds.some((sound) => word.includes(sound));
}

/**
 * The business's own vehicles, machines and vessels: 送气车, 疏通车, 钻机, 弹棉机, 酿酒罐, 发酵罐, 锅炉 (not what a shop sells
 * to carry: 手机, 相机 …).
 */
const EQUIPMENT = /^(?!.*(?:手机|耳机|相机|打火机|收音机)$).{1,10}(?:[车机仪罐炉]|设备|机组|机床|仪器)$/;

/** "疏通车.jpg", "钻机.jpg": a photo of the business's equipment, shown with its introduction when no item is named so. */
export function isEquipmentName(fileName: string): boolean {
  const stem = foldTraditional(photoStem(fileName)).trim();
  return /^[\u4e00-\u9fff]{2,12}$/.test(stem) && EQUIPMENT.test(stem);
}

export function isPlaceName(fileName: string): boolean {
  const stem = foldTraditional(photoStem(fileName));
  return stem.length >= 2 && (PLACE_WORDS.test(stem) || PLACE_ENDING.test(stem) || WORK_SCENE.test(stem) || isPinyinPlace(stem));
}

/**
 * The business at work where its customers are ("上门清洗", "安装现场", "工作照", a school's "上课照片", "课堂"), and its
 * people at work ("绣娘在绣", "师傅在焊接"), its finished jobs ("厨房案例", "完工照", "翻新前后对比", a room of a customer's home and the work done in it: "卫生间美缝"):
 * shown like its places.
 */
const WORK_SCENE =
  /^上门[\u4e00-\u9fff]{1,6}$|^[\u4e00-\u9fff]{1,4}(?<!所|存|实|现|正|自)在[\u4e00-\u9fff]{1,4}$|现场|工作照|放养|散养|放牧|上课|课堂|案例|完工|竣工|施工[前后中]|(?:改造|翻新|装修)[前后]|前后对比|^(?:卫生间|洗手间|厨房|客厅|卧室|主卧|次卧|阳台|浴室|书房|玄关)[\u4e00-\u9fff]{1,4}$/;

/**
 * Folders that say what their photos show: 产品图片/, 课程/, 菜品/ (a folder named like a products
 * column) → products; 环境/, 厂区/, 企业风采/, 枣园/ (named like a place), 公司/ (the business itself) → places.
 * The innermost folder that says decides.
 */
export function folderHint(fileName: string): 'products' | 'places' | undefined {
  for (const folder of fileName.split('/').slice(0, -1).reverse()) {
    if (/环境|厂区|厂房|车间|门店|店面|场地|全景|风采|实景|校园/.test(folder)) return 'places';
    // "回复：苹果价格和介绍.eml/": a name joining two columns' contents sorts none of its photos.
    if (namesTwoColumns(folder)) continue;
    if (/产品|商品|菜品|product/i.test(folder) || matchColumnKeyword(folder)?.type === 'products') return 'products';
    // "枣园/", "接待室/": a folder whose name is a place (not "园区照片/", photos of anything there).
    if (folder.length <= 6 && PLACE_ENDING.test(foldTraditional(folder))) return 'places';
    // "公司/", "本店照片/": pictures of the business itself.
    if (/^(?:公司|企业|本店|门店|单位)(?:照片|图片|相册|风貌)?$/.test(folder)) return 'places';
  }
  return undefined;
}

export type MatchReason = 'model' | 'name' | 'pinyin' | 'similar';

export type PhotoMatch =
  { kind: 'item'; item: Item; column: Column; reason: MatchReason } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'none' };

interface Candidate {
  item: Item;
  column: Column;
  title: string;
  /** Model numbers in the title, and the item's model as a whole ("laserjetm1136" for LaserJet M1136). */
  models: string[];
  /** The stock numbers its details give ("编号：A001"), matched whole. */
  codes: string[];
  /** The brand its details give, for "威能壁挂炉.jpg": the brand, then what the product is. */
  brand?: string;
  /** Computed when a photo's name needs it (most names never do). */
  pinyin?: string;
  syllables?: string;
}

/** A detail line giving an item's stock number or article code: "编号：A001", "货号：HX-208", "商品编码：6901234". */
const CODE_LINE = /^(?:[\u4e00-\u9fff]{0,4}(?:编号|编码|货号|条码)|SKU)\s*[：:]\s*([A-Za-z0-9][A-Za-z0-9-]{1,29})$/i;

/** The stock numbers and codes a product's details give. */
const stockCodesOf = (item: Item) =>
  item.kind === 'product'
    ? item.description.flatMap((b) => {
        const code = b.type === 'paragraph' ? CODE_LINE.exec(runsText(b.runs).trim())?.[1] : undefined;
        return code ? [normalize(code)] : [];
      })
    : [];

/** "品牌：威能" in a product's details (a sheet's 品牌 column). */
const BRAND_LINE = /^品牌\s*[：:]\s*(\S.{0,19})$/;

const brandOf = (item: Item) => {
  if (item.kind !== 'product') return undefined;
  for (const b of item.description) {
    const brand = b.type === 'paragraph' ? BRAND_LINE.exec(runsText(b.runs).trim())?.[1] : undefined;
    if (brand) return normalize(brand);
  }
  return undefined;
};

/** Lower-case, full-width folded, without spaces, brackets and separators. */
const normalize = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_·.,，、/\\()（）【】[\]《》"'“”]/g, '');

/** Model numbers in a text: letters and digits mixed, four characters or more (ck6150, jd6612, wy3306). */
const modelTokens = (s: string) =>
  [...normalize(s).matchAll(/[a-z]{1,6}\d[a-z0-9]*|\d+[a-z]+[a-z0-9]*/g)].map((m) => m[0]).filter((t) => t.length >= 4);

const pinyinOf = (s: string) => normalize(pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''));
/** The syllables of a name, each between spaces (" hong shu dian fen "), to be matched whole. */
const syllablesOf = (s: string) =>
  ` ${pinyin(normalize(s), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((syllable) => syllable.toLowerCase())
    .join(' ')} `;

/** Words people add to a photo's name that are not part of the item's: 图片, 样品, 样片 (a studio's sample shot), 实拍 … */
const NOISE = /图片|照片|样品|样片|样图|实拍|效果图|产品图|大图|小图|主图|细节/g;

/** Levenshtein distance, for names off by a character or two. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** "海盐吐司" for "海盐奶油吐司": the name's head and some of its characters, in order, a word or two left out. */
function isAbbreviation(stem: string, title: string): boolean {
  if (stem.length < 3 || stem.length * 2 < title.length) return false;
  let at = 0;
  for (const ch of title) if (ch === stem[at]) at++;
  return at === stem.length && title.startsWith(stem[0]!);
}

/**
 * The closest any stretch of `title` of the stem's length comes to the stem; `edges`: only the title's start and end
 * compared.
 */
function closest(stem: string, title: string, edges = false): number {
  if (title.length <= stem.length) return distance(stem, title);
  let best = Infinity;
  for (let i = 0; i + stem.length <= title.length; i++)
    if (!edges || i === 0 || i + stem.length === title.length) best = Math.min(best, distance(stem, title.slice(i, i + stem.length)));
  return best;
}

/** The stem's characters appear in the title in its order ("应急灯" in 消防应急照明灯双头). */
function inOrder(stem: string, title: string): boolean {
  let at = 0;
  for (const ch of title) if (ch === stem[at]) at++;
  return at === stem.length;
}

/**
 * Several candidates: an exact name wins, then the one whose name starts with the stem, then the one
 * product among them ("草莓.jpg" for the product 草莓采摘, not the news 草莓大棚开园); else it is ambiguous.
 */
function decide(found: Candidate[], stem: string, key: (c: Candidate) => string, reason: MatchReason): PhotoMatch | undefined {
  if (found.length === 0) return undefined;
  // "饮水机.jpg" beside 立式冷热饮水机 and 饮水机清洗消毒: a name that ends with the photo's is one of that thing (the
  // last word of a Chinese name says what it is); a name that starts with it says what is done to it or made of it.
  const exact = found.filter((c) => key(c) === stem);
  const ending = found.filter((c) => key(c).endsWith(stem));
  const named =
    found.length === 1 ? found : exact.length === 1 ? exact : ending.length === 1 ? ending : found.filter((c) => key(c).startsWith(stem));
  const products = (named.length ? named : found).filter((c) => c.item.kind === 'product');
  const pick = named.length !== 1 && products.length === 1 ? products : named;
  if (pick.length === 1) return { kind: 'item', item: pick[0]!.item, column: pick[0]!.column, reason };
  const variant = reason === 'name' ? firstVariant(found, stem) : undefined;
  if (variant) return { kind: 'item', item: variant.item, column: variant.column, reason };
  return { kind: 'ambiguous', candidates: found.map((c) => itemTitle(c.item)) };
}

/** A product's name without the remark or model after it: 男装衬衫 of "男装衬衫（长袖）" or of "男装衬衫 CS-02". */
const baseName = (item: Item) =>
  normalize(
    itemTitle(item)
      .replace(/[（(][^）)]*[）)]\s*$/, '')
      .split(/\s+/)[0] ?? '',
  );

/**
 * "男装衬衫.jpg" beside 男装衬衫（长袖） and 男装衬衫（短袖） in one list: variants of the one name the photo gives. Its picture
 * goes to the first of them, as a category's picture goes to its first item.
 */
function firstVariant(found: Candidate[], stem: string): Candidate | undefined {
  const variants = found.filter((c) => c.item.kind === 'product' && baseName(c.item) === stem && c.column === found[0]!.column);
  return variants.length >= 2 && variants.length === found.length ? variants[0] : undefined;
}

export class PhotoMatcher {
  private readonly candidates: Candidate[];

  constructor(columns: Column[]) {
    this.candidates = columns.flatMap((column) =>
      column.items
        .filter((item) => item.kind === 'product' || item.kind === 'article')
        .map((item) => ({
          item,
          column,
          title: normalize(itemTitle(item)),
          models: [...modelTokens(itemTitle(item)), ...(item.kind === 'product' && item.model ? [normalize(item.model)] : [])],
          codes: stockCodesOf(item),
          brand: brandOf(item),
        })),
    );
  }

  /** The item a photo shows, by its name: model number, name, pinyin or sound, then a near spelling. */
  match(fileName: string, productsOnly = false): PhotoMatch {
    if (isCameraName(fileName)) return { kind: 'none' };
    const pool = productsOnly ? this.candidates.filter((c) => c.item.kind === 'product') : this.candidates;
    const rawStem = photoStem(fileName);
    // "A001.jpg" beside the row 编号 A001: the photo named exactly after an item's stock number is that item's.
    const byCode = pool.filter((c) => c.codes.includes(normalize(rawStem)));
    if (byCode.length === 1) return { kind: 'item', item: byCode[0]!.item, column: byCode[0]!.column, reason: 'model' };
    const models = modelTokens(rawStem);
    // The same model, or one inside the other: "M1136.jpg" for LaserJet M1136, "ThinkPad-E14.jpg" for ThinkPad E14.
    const key = normalize(rawStem);
    const byModel = pool.filter((c) =>
      c.models.some((m) => models.includes(m) || (/\d/.test(m) && m.length >= 4 && key.includes(m)) || models.some((t) => m.includes(t))),
    );
    const model = decide(byModel, models[0] ?? '', (c) => c.models[0] ?? '', 'model');
    if (model?.kind === 'item') return model;
    let stem = normalize(rawStem)
      .replace(NOISE, '')
      .replace(/^(产品|商品)(?=.{2})/, '');
    for (const m of models) stem = stem.replace(m, '');
    if (stem.length < 2) return model ?? { kind: 'none' };
    // The stem in the name, the name in the stem, or the name's first word (3 characters or more) in the stem:
    // "御景湾客厅.jpg" for the case "御景湾 120平米 现代简约".
    const head = (c: Candidate) => normalize(itemTitle(c.item).split(/\s+/)[0] ?? '');
    const byName = pool.filter(
      (c) =>
        c.title.includes(stem) ||
        (c.title.length >= 2 && stem.includes(c.title)) ||
        (head(c).length >= 3 && head(c) !== c.title && stem.startsWith(head(c))) ||
        (!!c.brand && stem.length - c.brand.length >= 2 && stem.startsWith(c.brand) && c.title.includes(stem.slice(c.brand.length))),
    );
    const name = decide(byName, stem, (c) => c.title, 'name');
    if (name) return name;
    // "手绘沙燕.jpg" for 沙燕风筝（手绘）: two words of the name, each of two characters or more, in another order.
    const splits = Array.from({ length: Math.max(stem.length - 3, 0) }, (_, i) => [stem.slice(0, i + 2), stem.slice(i + 2)]);
    const byWords = pool.filter((c) => splits.some(([a, b]) => c.title.includes(a!) && c.title.includes(b!)));
    const words = decide(byWords, stem, (c) => c.title, 'name');
    if (words?.kind === 'item') return words;
    const latin = /^[a-z]+$/.test(stem);
    // A name in characters sounds like the item syllable for syllable ("宫爆鸡丁" for 宫保鸡丁; "红薯地" is not 红薯淀粉's
    // hong-shu-dian); a name in Latin letters has no syllables marked, so it is matched as letters.
    const sound = latin ? stem : stem.length >= 3 ? syllablesOf(stem) : '';
    if (sound.length >= 4) {
      const sounds = (c: Candidate) =>
        latin ? (c.pinyin ??= pinyinOf(itemTitle(c.item))) : (c.syllables ??= syllablesOf(itemTitle(c.item)));
      const bySound = decide(
        pool.filter((c) => sounds(c).includes(sound)),
        sound,
        sounds,
        'pinyin',
      );
      if (bySound) return bySound;
    }
    if (!latin && stem.length >= 3) {
      const allowed = stem.length >= 6 ? 2 : 1;
      // "316保温杯.jpg" for "316不锈钢保温杯 500ml": the name's first word abbreviated, its size left out.
      const near = pool.filter((c) => closest(stem, c.title) <= allowed || isAbbreviation(stem, c.title) || isAbbreviation(stem, head(c)));
      // A short stem one character off a stretch inside a longer name, its characters out of that name's order ("疏通车" and
      // 高压车疏通主管道's 疏通主), is chance: it names no item by itself, though it may stand among several.
      const chance = (c: Candidate) =>
        stem.length < 6 &&
        closest(stem, c.title, true) > allowed &&
        !inOrder(stem, c.title) &&
        !isAbbreviation(stem, c.title) &&
        !isAbbreviation(stem, head(c));
      const similar = decide(near, stem, (c) => c.title, 'similar');
      if (similar?.kind === 'item' && near.length === 1 && chance(near[0]!))
        return { kind: 'ambiguous', candidates: [itemTitle(near[0]!.item)] };
      if (similar) return similar;
    }
    return { kind: 'none' };
  }
}

/** One-off matching (tests, callers with a single photo). */
export const matchPhoto = (fileName: string, columns: Column[]): PhotoMatch => new PhotoMatcher(columns).match(fileName);
