/**
 * The quancheng-tea fixture (../shared/fixtures/materials/quancheng-tea/) structured by hand: the
 * editor's demo site and the tests' realistic input. Image hashes are the sha256 of the fixture photos.
 */
import { paragraph, type ImageRef, type Item, type SiteContent } from './model';

export const EXAMPLE_IMAGES = {
  logo: { sha256: '5b5d96906295406c95b88fba3fd05dffd41fbcf505829a7c30e447f202294f8c', alt: '泉城茶业标志', fileName: 'logo.png' },
  puer: { sha256: '1f310fcbe90ec7ce0746318724b875746f0ec660f32843cbe721be8fcaf1d75f', alt: '云南普洱熟茶茶饼', fileName: '普洱.jpg' },
  garden: {
    sha256: 'c2fe0321d3eb2a1f6159479b3f02f09cdf0b1aef514ca01468352974a0fa2f45',
    alt: '崂山自营茶园',
    fileName: '茶园.jpg',
    focal: { x: 0.5, y: 0.6 },
  },
  tieguanyin: { sha256: 'e91410379a12a5206e3b6c77b2117f31781ae22f896bb20d267a4579f05beb2f', alt: '安溪铁观音', fileName: '铁观音.jpg' },
  shop: { sha256: 'fad22459df28529732a822a5cdb89625e65a88af21aa8a1e7d980e917c29199e', alt: '泉城路门店', fileName: '门店.jpg' },
  longjing: { sha256: '0613e84b98ca1e3184157e7bd6428296233b8cc8d9896cc17b280c3fb4151eab', alt: '明前龙井', fileName: '龙井.jpg' },
} satisfies Record<string, ImageRef>;

/** Pixel sizes of the fixture originals (4032×3024 门店.jpg is EXIF-rotated to portrait by intake). */
export const EXAMPLE_IMAGE_SIZES: Record<string, { width: number; height: number }> = {
  [EXAMPLE_IMAGES.logo.sha256]: { width: 512, height: 512 },
  [EXAMPLE_IMAGES.puer.sha256]: { width: 6000, height: 4000 },
  [EXAMPLE_IMAGES.garden.sha256]: { width: 1920, height: 1080 },
  [EXAMPLE_IMAGES.tieguanyin.sha256]: { width: 2400, height: 1800 },
  [EXAMPLE_IMAGES.shop.sha256]: { width: 3024, height: 4032 },
  [EXAMPLE_IMAGES.longjing.sha256]: { width: 3000, height: 2000 },
};

const product = (id: string, name: string, yuan: number, spec: string, text: string, images: ImageRef[]): Item => ({
  kind: 'product',
  id,
  name,
  category: '茶叶',
  price: { kind: 'amount', fen: yuan * 100 },
  spec,
  description: [paragraph(text)],
  images,
});

const news = (id: string, title: string, date: string, text: string): Item => ({
  kind: 'article',
  id,
  title,
  date,
  body: [paragraph(text)],
  images: [],
});

const on = () => ({ web: true, wap2: true, wap1: true, sms: true });

/** A fresh deep copy every call, so callers may mutate it. */
export function exampleSite(): SiteContent {
  return structuredClone(EXAMPLE);
}

const EXAMPLE: SiteContent = {
  version: 1,
  profile: {
    name: '济南泉城茶业有限公司',
    shortName: '泉城茶业',
    logo: EXAMPLE_IMAGES.logo,
    slogan: '好水配好茶',
    industry: { section: 'F', division: '52' },
    contact: {
      address: '山东省济南市历下区泉城路188号',
      phones: [
        { label: '电话', number: '0531-86001234' },
        { label: '手机', number: '13805310001' },
      ],
      email: 'service@quanchengtea.example',
      person: '王经理',
      hours: '每天 9:00–21:00',
    },
  },
  columns: [
    {
      id: 'intro',
      type: 'intro',
      title: '公司简介',
      order: 1,
      channels: on(),
      body: [
        paragraph(
          '济南泉城茶业有限公司成立于2006年，位于山东省济南市历下区泉城路，是一家集茶叶种植、加工、销售和茶文化推广于一体的民营企业。公司在崂山和日照拥有自营茶园1200亩，在济南、淄博、泰安开设直营门店9家。',
        ),
        { type: 'image', image: EXAMPLE_IMAGES.garden, caption: '崂山自营茶园' },
        {
          type: 'paragraph',
          runs: [{ text: '公司坚持' }, { text: '“好水配好茶”', strong: true }, { text: '的理念，产品通过有机认证，年销售额逾3000万元。' }],
        },
      ],
      items: [],
    },
    {
      id: 'products',
      type: 'products',
      title: '产品介绍',
      order: 2,
      channels: on(),
      body: [],
      items: [
        product('p-longjing', '明前龙井', 368, '250克/罐', '产地浙江杭州，清明前采摘，扁平光滑，香气清高。', [EXAMPLE_IMAGES.longjing]),
        product('p-tieguanyin', '安溪铁观音', 298, '500克/盒', '兰花香型，七泡有余香。', [EXAMPLE_IMAGES.tieguanyin]),
        product('p-puer', '云南普洱熟茶', 198, '357克/饼', '2015年勐海料。', [EXAMPLE_IMAGES.puer]),
        product('p-laoshan', '崂山绿茶', 128, '250克/袋', '自营茶园出品，豆香浓郁。', []),
        product('p-dahongpao', '武夷大红袍', 458, '200克/盒', '岩韵明显，适合收藏。', []),
      ],
    },
    {
      id: 'news',
      type: 'news',
      title: '新闻动态',
      order: 3,
      channels: on(),
      body: [],
      items: [
        news('n-taian', '泰安万达店开业', '2026-06-01', '2026年6月1日，公司第九家直营店在泰安万达广场开业，开业期间全场八八折。'),
        news('n-spring', '2026年春茶品鉴会圆满举办', '2026-04-12', '2026年4月12日，公司在泉城路门店举办春茶品鉴会，200余位会员到场。'),
      ],
    },
    {
      id: 'jobs',
      type: 'jobs',
      title: '人才招聘',
      order: 4,
      channels: on(),
      body: [],
      items: [
        {
          kind: 'job',
          id: 'j-tea-artist',
          title: '门店茶艺师',
          headcount: 3,
          requirements: [paragraph('持有茶艺师证书，形象端正，有门店经验者优先。')],
          pay: '月薪4500-6500元，五险一金',
        },
        {
          kind: 'job',
          id: 'j-ecommerce',
          title: '电商运营专员',
          headcount: 1,
          requirements: [paragraph('熟悉淘宝、抖音店铺运营，两年以上经验。')],
          pay: '面议',
        },
      ],
    },
    {
      id: 'supply',
      type: 'supply',
      title: '供求信息',
      order: 5,
      channels: on(),
      body: [],
      items: [
        {
          kind: 'post',
          id: 's-rizhao',
          postKind: 'demand',
          title: '长期求购日照绿茶毛茶',
          text: [paragraph('长期求购日照绿茶毛茶，每年约20吨，要求有机认证。')],
        },
        {
          kind: 'post',
          id: 's-laoshan-gift',
          postKind: 'supply',
          title: '供应崂山绿茶礼盒',
          text: [paragraph('供应崂山绿茶礼盒，企业团购8折起，量大从优。')],
        },
      ],
    },
    {
      id: 'contact',
      type: 'contact',
      title: '联系我们',
      order: 6,
      channels: on(),
      body: [{ type: 'image', image: EXAMPLE_IMAGES.shop, caption: '泉城路门店' }],
      items: [],
    },
    {
      id: 'guestbook',
      type: 'guestbook',
      title: '在线留言',
      order: 7,
      channels: on(),
      body: [paragraph('欢迎留下您的意见和订购需求，我们会尽快与您联系。')],
      items: [],
    },
  ],
  sms: {
    signature: '泉城茶业',
    serviceCode: '1065700',
    extension: '8801',
    menu: { welcome: '欢迎光临泉城茶业', back: '回0返回主菜单', more: '回9看更多' },
    guestbook: { enabled: true, prompt: '请直接回复您的留言内容，我们会尽快联系您。', thanks: '留言已收到，谢谢！' },
    lottery: {
      enabled: true,
      keyword: 'CJ',
      intro: '回复CJ参加抽奖，奖品为茶具一套（10名）、50元代金券（100名）。',
      prizes: [
        { name: '茶具一套', count: 10, chancePer10000: 10 },
        { name: '50元代金券', count: 100, chancePer10000: 100 },
      ],
      perNumberLimit: 1,
      winText: '恭喜您抽中{prize}！请凭本短信到任一门店领取。',
      loseText: '很遗憾没有中奖，感谢参与！',
    },
    survey: {
      enabled: true,
      question: '您最喜欢哪类茶？',
      options: ['绿茶', '乌龙茶', '红茶', '普洱'],
      thanks: '感谢参与调查！',
    },
    care: [{ id: 'c-mid-autumn', date: '2026-09-25', occasion: '中秋节', text: '泉城茶业祝您中秋快乐，阖家团圆！' }],
    maxMessagesPerReply: 3,
  },
  template: { templateId: 'retail-tea', styleId: 'green', options: {} },
  domain: { kind: 'assigned', label: 'quanchengtea' },
  unsorted: [],
};
