/** A new site's starting content, from the enterprise record: profile, template by industry, SMS texts. */
import type { Enterprise } from '../../../../shared/domain/enterprise';
import { SITE_CONTENT_VERSION, type Column, type SiteContent } from '../../../../shared/sites/model';
import { suggestTemplate } from '../../../../shared/sites/templates/catalog';

/**
 * 店 goes (家具店 → 家具, 兽药店 → 兽药), 饭店 as a whole (齐鲁人家饭店 → 齐鲁人家); 酒店, 药店, 花店 … keep it,
 * it is the business. A workshop's 工作室, 工坊, 作坊 go (泥巷陶艺手工坊 → 泥巷陶艺). 行 goes after a name and its trade
 * (仁济药材行 → 仁济药材, 飞驰电动车行 → 飞驰电动车); 琴行, 车行 after a short name, 银行 and 二手车行 are the business. 部 goes from 维修部 (快修手机维修部 → 快修手机维修), 诊所 as 门诊部 does,
 * 工程部 as a whole (暖居地暖工程部 → 暖居地暖); a 供应站 or 配送站 is a form as 经营部 is (顺安液化气供应站 → 顺安液化气);
 * a 金店 is the business (瑞祥金店 stays); 家庭农场 is a registered form as 合作社 is (莓好时光家庭农场 → 莓好时光), 餐馆 goes
 * as 饭店 does after a name of four or more (老杨口味虾餐馆 → 老杨口味虾), and so does a (小)酒馆 (青禾精酿小酒馆 → 青禾精酿), 部 from 加工部 as from 维修部; 馆 after 道 goes (虎威跆拳道馆 → 虎威跆拳道), 坊 after 油 (老李茶油坊 → 老李茶油) or after four characters (秀云湘绣坊 → 秀云湘绣).
 */
const LEGAL_FORM =
  /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|专业合作社|合作社|家庭农场|(?<=[\u4e00-\u9fff]{4})(?:餐馆|小?酒馆)|(?<=加工)部|服务中心|中心|商行|经营部|批发部|门市部|服务部|经销部|门诊部|工程部|(?<=维修)部|(?<=回收)站|(?:供应|配送|经营|收购)站|基地|诊所|工作室|手工坊|加工坊|工坊|作坊|料场|厂|饭店|(?<=道)馆|(?<=油)坊|(?<=[\u4e00-\u9fff]{4})坊|(?<![酒花书商金])(?<![^兽农]药)店|(?<=[\u4e00-\u9fff]{4})(?<!银|二手车)行)$/;
/**
 * Words that say what a business does in general, not who it is: 鲁中机械制造 → 鲁中机械, 联华包装制品 → 联华包装, 清泉净水设备 → 清泉净水.
 * 制品 after a material's one character (竹, 木, 藤, 纸, 铁, 铝, 铜, 陶, 瓷, and 发 — hair, the wig trade's 发制品) is the trade
 * itself: 竹乡竹制品 keeps 竹制品 (竹乡竹 says nothing), 秀丽发制品 stays (not 秀丽发), while 艾草制品 → 艾草.
 */
const GENERIC_ACTIVITY =
  /(制造|加工|生产|(?<![竹木藤纸铁铝铜陶瓷发])制品|设备|科技|实业|发展|贸易|商贸|工贸|技术|服务|种植|养殖|销售|经营|管理|开发|工程)$/;
/** Standard short forms of organisation types. */
const SHORT_FORMS: [RegExp, string][] = [
  [/律师事务所$/, '律所'],
  [/机动车驾驶员培训(?:学校|中心)?(?=有限公司$|有限责任公司$|$)/, '驾校'],
  [/(?:企业)?管理咨询(?=有限公司$|有限责任公司$|$)/, '咨询'],
  [/汽车租赁(?=有限公司$|有限责任公司$|$)/, '租车'],
  [/量贩式?(?=KTV)/i, ''],
  [/房地产(?:经纪|中介|代理)?(?=有限公司$|有限责任公司$|$)/, '房产'],
  [/劳务派遣(?=有限公司$|有限责任公司$|$)/, '劳务'],
  [/婚姻介绍(?:所|服务部|中心)?(?=有限公司$|$)/, '婚介'],
];

/**
 * An SMS signature heads every message, so it is short: a name still longer than six characters loses
 * the words that only qualify its trade (天翼职业培训学校 → 天翼培训学校, 恒力建筑设备租赁 → 恒力租赁,
 * 鸿达工程机械配件 → 鸿达配件: the kind of machine says whose parts).
 */
const QUALIFIERS = /职业|儿童|少儿|建筑|设备|生态|(?:工程|农业)机械/g;
/**
 * A general word after a trade the name already says goes when four characters or more stay before it
 * (冰峰冷链物流 → 冰峰冷链, 光影映像摄影 → 光影映像, 云端舞蹈艺术培训 → 云端舞蹈, 阳光太阳能热水器 → 阳光太阳能,
 * 贝贝母婴用品 → 贝贝母婴, 山里人家土特产 → 山里人家, 星际台球俱乐部 → 星际台球, 墨韵书法培训学校 → 墨韵书法, 雅丽纹绣美容 → 雅丽纹绣, 锦衣汉服租赁 → 锦衣汉服,
 * 星河密室逃脱体验馆 → 星河密室: 体验馆 is a shop type as 生活馆 is, 逃脱 the trade 密室 already says; 永固铁艺门窗 → 永固铁艺, 腾飞风筝工艺 → 腾飞风筝);
 * with less before it, it is the trade
 * (恒通物流, 天翼培训学校 stay).
 */
const GENERAL_TRADE =
  /(物流|土特产|摄影|培训学校|培训|艺术|热水器|用品|俱乐部|器材|咨询|代理|养殖场|生活馆|体验馆|逃脱|美容|租赁|门窗|工艺)$/;
/**
 * Customers a supplier serves that are a kind of business themselves: 宾客酒店用品 without 用品 would read as a
 * hotel, 顺达汽车用品 as a car dealer, so 用品 stays after them (母婴, 宠物 say the trade alone and it goes); so does
 * 美容 after what is groomed (车之宝汽车美容, 毛毛宠物美容): there 美容 is the trade.
 */
const SERVED_BUSINESS = /(?:酒店|宾馆|饭店|餐饮|汽车|医疗|办公)用品$|(?:汽车|宠物)美容$/;

/** A name left ending in a qualifier says whom, not what: 童趣儿童摄影 keeps 摄影 (童趣儿童 says nothing). */
const ENDS_QUALIFYING = /(?:儿童|少儿|职业|婴幼儿)$/;

/** What a service business does to its trade, dropped from a name still over six characters (雪峰空调安装维修 → 雪峰空调). */
const SERVICE_WORDS = /(安装维修|维修安装|安装|维修|回收)$/;

function shorterSignature(short: string): string {
  const service = SERVICE_WORDS.exec(short);
  if (short.length > 6 && service && service.index >= 4) short = short.slice(0, service.index);
  if (short.length > 6) {
    const head = short.slice(0, 2);
    const rest = short.slice(2, -2).replace(QUALIFIERS, '');
    short = head + rest + short.slice(-2);
  }
  for (
    let match = GENERAL_TRADE.exec(short);
    match && match.index >= 4 && !SERVED_BUSINESS.test(short) && !ENDS_QUALIFYING.test(short.slice(0, match.index));
    match = GENERAL_TRADE.exec(short)
  )
    short = short.slice(0, match.index);
  return short;
}

const stripEnd = (name: string, pattern: RegExp) => {
  const stripped = name.replace(pattern, '');
  return stripped.length >= 2 ? stripped : name;
};

/**
 * 简称 (the SMS signature) as people say it: "济南泉城茶业有限公司" → "泉城茶业", "淄博鲁中机械制造有限公司"
 * → "鲁中机械", "山东正大律师事务所" → "正大律所" — the region, the legal form and general activity
 * words dropped. Falls back to the first 20 characters.
 */
export function shortNameOf(name: string, region: Enterprise['region']): string {
  const places = [region.province, region.city, region.district]
    .flatMap((p) => [p, p.replace(/(省|市|区|县|自治区|特别行政区)$/, '')])
    .filter((p) => p.length >= 2)
    .sort((a, b) => b.length - a.length);
  let short = name.trim().replace(/[（(][^）)]*[)）]/g, '');
  for (let changed = true; changed;) {
    changed = false;
    // Longest first, from the start again after each cut: "聊城市东昌府区…" loses 聊城市 then 东昌府区, never 东昌府 alone.
    const place = places.find((p) => short.startsWith(p) && short.length > p.length + 1);
    if (place) {
      short = short.slice(place.length);
      changed = true;
    }
  }
  for (const [form, abbreviation] of SHORT_FORMS) short = short.replace(form, abbreviation);
  // "建业建设集团有限公司": a group's legal form is two words.
  short = stripEnd(stripEnd(short, LEGAL_FORM), LEGAL_FORM);
  short = stripEnd(stripEnd(short, GENERIC_ACTIVITY), GENERIC_ACTIVITY);
  short = shorterSignature(short);
  // "大围山镇青岗黑山羊": the town (镇, 乡) in front, below the record's region, goes too when a name of four stays (古镇人家 stays).
  short = short.replace(/^[\u4e00-\u9fff]{1,4}[镇乡](?=[\u4e00-\u9fff]{4})/, '');
  return (short.length >= 2 ? short : name).slice(0, 20);
}

/** An assigned label nobody else has: derived from the credit code, which is unique. */
export const defaultSiteLabel = (creditCode: string) => `e${creditCode.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 40);

export function newSiteContent(enterprise: Enterprise, options: { newId(): string; withTemplateColumns: boolean }): SiteContent {
  const template = suggestTemplate(enterprise.industrySection, enterprise.industryDivision);
  const shortName = shortNameOf(enterprise.name, enterprise.region);
  const columns: Column[] = options.withTemplateColumns
    ? template.defaultColumns.map((c, i) => ({
        id: options.newId(),
        type: c.type,
        title: c.title,
        order: (i + 1) * 10,
        channels: { web: true, wap2: true, wap1: true, sms: c.type !== 'guestbook' },
        body: [],
        items: [],
      }))
    : [];
  return {
    version: SITE_CONTENT_VERSION,
    profile: {
      name: enterprise.name,
      shortName,
      slogan: '',
      industry: { section: enterprise.industrySection, ...(enterprise.industryDivision ? { division: enterprise.industryDivision } : {}) },
      contact: {
        address: enterprise.address,
        phones: [{ label: '手机', number: enterprise.contact.mobile }],
        ...(enterprise.contact.email ? { email: enterprise.contact.email } : {}),
        person: enterprise.contact.name,
      },
    },
    columns,
    sms: {
      signature: '',
      serviceCode: '',
      extension: '',
      menu: { welcome: `欢迎光临${shortName}`.slice(0, 60), back: '回0返回主菜单', more: '回9看更多' },
      guestbook: { enabled: true, prompt: '请直接回复您的留言内容，我们会尽快联系您。', thanks: '留言已收到，谢谢！' },
      care: [],
      maxMessagesPerReply: 3,
    },
    template: { templateId: template.id, styleId: template.styles[0].id, options: {} },
    domain: { kind: 'assigned', label: defaultSiteLabel(enterprise.creditCode) },
    unsorted: [],
  };
}
