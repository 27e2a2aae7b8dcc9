/** The industry templates shipped with the app, and the choice of one from the GB/T 4754 industry. */
import type { ColumnType, SiteContent, TemplateChoice } from '../model';
import type { ColourStyle, LayoutOptions, Palette, SiteTemplate } from './types';

/** A palette from its three characteristic colours; the rest is shared so contrast stays readable. */
const palette = (primary: string, accent: string, surface: string): Palette => ({
  primary,
  onPrimary: '#ffffff',
  accent,
  background: '#ffffff',
  surface,
  text: '#222222',
  muted: '#666666',
  border: '#dddddd',
});

const style = (id: string, name: string, primary: string, accent: string, surface: string): ColourStyle => ({
  id,
  name,
  palette: palette(primary, accent, surface),
});

const layout = (web: Partial<LayoutOptions['web']> = {}): LayoutOptions => ({
  web: { hero: 'photo', productLayout: 'grid', itemsPerPage: 12, showSlogan: true, ...web },
  wap2: { itemsPerPage: 10, showImages: true },
  wap1: { itemsPerPage: 6, showImages: false },
});

const columns = (spec: string): { type: ColumnType; title: string }[] =>
  spec.split(' ').map((entry) => {
    const [type, title] = entry.split(':') as [ColumnType, string];
    return { type, title };
  });

export const TEMPLATES: SiteTemplate[] = [
  {
    id: 'restaurant',
    name: '餐饮美食',
    sections: ['H'],
    divisions: ['61', '62'],
    defaultColumns: columns('intro:餐厅介绍 products:招牌菜品 news:优惠活动 services:订餐服务 contact:联系我们 guestbook:顾客留言'),
    layout: layout({ hero: 'photo', productLayout: 'grid' }),
    styles: [
      style('red', '中国红', '#b3261e', '#e65100', '#fff5f2'),
      style('orange', '暖橙', '#c25100', '#8d3c00', '#fff6ec'),
      style('ink', '墨色', '#333333', '#b3261e', '#f5f5f5'),
    ],
  },
  {
    id: 'retail-tea',
    name: '零售·茶叶',
    sections: ['F'],
    divisions: ['51', '52', '15'],
    defaultColumns: columns(
      'intro:公司简介 products:产品介绍 news:新闻动态 supply:供求信息 jobs:人才招聘 contact:联系我们 guestbook:在线留言',
    ),
    layout: layout({ hero: 'photo', productLayout: 'grid' }),
    styles: [
      style('green', '茶绿', '#2e6b30', '#a0522d', '#f3f8f0'),
      style('brown', '茶褐', '#6d4c2f', '#2e6b30', '#faf5ef'),
      style('ink', '水墨', '#37474f', '#8d6e63', '#f4f6f7'),
    ],
  },
  {
    id: 'manufacturing',
    name: '制造·机械',
    sections: ['C', 'B', 'D'],
    divisions: ['33', '34', '35', '36', '37', '38', '39', '40'],
    defaultColumns: columns(
      'intro:企业概况 products:产品中心 news:新闻中心 services:售后服务 supply:供求信息 jobs:人才招聘 contact:联系我们 guestbook:在线留言',
    ),
    layout: layout({ hero: 'banner', productLayout: 'list' }),
    styles: [
      style('blue', '工业蓝', '#1a4f8b', '#e65100', '#f1f5fa'),
      style('steel', '钢灰', '#455a64', '#1a4f8b', '#f3f5f6'),
      style('orange', '机械橙', '#b34700', '#37474f', '#fff5ee'),
    ],
  },
  {
    id: 'education',
    name: '教育培训',
    sections: ['P'],
    divisions: ['83'],
    defaultColumns: columns(
      'intro:学校介绍 services:课程设置 staff:师资力量 news:招生动态 jobs:教师招聘 contact:联系我们 guestbook:咨询留言',
    ),
    layout: layout({ hero: 'banner', productLayout: 'list' }),
    styles: [
      style('blue', '学院蓝', '#1e4a8c', '#c62828', '#f0f4fb'),
      style('green', '青春绿', '#2e7d32', '#1e4a8c', '#f1f8f1'),
      style('purple', '典雅紫', '#5e35b1', '#c2185b', '#f6f2fc'),
    ],
  },
  {
    id: 'medical',
    name: '医疗·药店',
    sections: ['Q'],
    divisions: ['84', '27'],
    defaultColumns: columns(
      'intro:医院简介 services:诊疗项目 products:药品器械 staff:专家介绍 news:健康资讯 contact:联系我们 guestbook:健康咨询',
    ),
    layout: layout({ hero: 'plain', productLayout: 'list' }),
    styles: [
      style('teal', '医护青', '#00695c', '#c62828', '#eef7f6'),
      style('blue', '清爽蓝', '#1565c0', '#00695c', '#f0f5fc'),
      style('green', '安心绿', '#33691e', '#1565c0', '#f3f8ee'),
    ],
  },
  {
    id: 'construction',
    name: '建筑装修',
    sections: ['E', 'K'],
    divisions: ['47', '48', '49', '50', '70'],
    defaultColumns: columns(
      'intro:公司简介 products:工程案例 services:装修服务 news:行业资讯 jobs:人才招聘 contact:联系我们 guestbook:预约留言',
    ),
    layout: layout({ hero: 'photo', productLayout: 'grid' }),
    styles: [
      style('brick', '砖红', '#a33b20', '#37474f', '#fbf3f0'),
      style('slate', '石板灰', '#3e4e5e', '#c77700', '#f2f4f6'),
      style('wood', '原木', '#795233', '#2e6b30', '#faf5ef'),
    ],
  },
  {
    id: 'logistics',
    name: '物流运输',
    sections: ['G'],
    divisions: ['53', '54', '55', '56', '57', '58', '59', '60'],
    defaultColumns: columns(
      'intro:公司简介 services:运输服务 supply:货源车源 news:公司新闻 jobs:司机招聘 contact:联系我们 guestbook:在线询价',
    ),
    layout: layout({ hero: 'banner', productLayout: 'list' }),
    styles: [
      style('navy', '远航蓝', '#0d3b66', '#d35400', '#eff3f8'),
      style('orange', '速运橙', '#b84a00', '#0d3b66', '#fff4ec'),
      style('green', '通达绿', '#1b5e20', '#0d3b66', '#f0f7f0'),
    ],
  },
  {
    id: 'agriculture',
    name: '农业·种养殖',
    sections: ['A'],
    divisions: ['01', '02', '03', '04', '05', '13'],
    defaultColumns: columns('intro:基地介绍 products:农产品 supply:供求信息 news:农事动态 contact:联系我们 guestbook:采购留言'),
    layout: layout({ hero: 'photo', productLayout: 'grid' }),
    styles: [
      style('field', '田野绿', '#3a6b1e', '#b8860b', '#f4f8ee'),
      style('harvest', '丰收黄', '#8a5a00', '#3a6b1e', '#fdf7e8'),
      style('earth', '土地褐', '#5d4037', '#3a6b1e', '#f8f3f0'),
    ],
  },
  {
    id: 'services',
    name: '商务服务',
    sections: ['I', 'J', 'L', 'M', 'N', 'O', 'R'],
    divisions: ['63', '64', '65', '72', '80', '82'],
    defaultColumns: columns(
      'intro:公司简介 services:服务项目 news:新闻动态 staff:团队名片 jobs:人才招聘 contact:联系我们 guestbook:在线留言',
    ),
    layout: layout({ hero: 'banner', productLayout: 'list' }),
    styles: [
      style('blue', '商务蓝', '#174ea6', '#e37400', '#f0f4fb'),
      style('grey', '稳重灰', '#3c4043', '#174ea6', '#f4f4f5'),
      style('wine', '酒红', '#7b1f3a', '#3c4043', '#fbf1f4'),
    ],
  },
  {
    id: 'general',
    name: '通用企业',
    sections: ['S', 'T'],
    divisions: [],
    defaultColumns: columns(
      'intro:企业介绍 products:产品展示 news:新闻公告 services:用户服务 jobs:人才招聘 supply:供求信息 contact:联系我们 guestbook:留言板',
    ),
    layout: layout({ hero: 'banner', productLayout: 'grid' }),
    styles: [
      style('blue', '经典蓝', '#1a4f8b', '#c62828', '#f1f5fa'),
      style('green', '清新绿', '#2e6b30', '#1a4f8b', '#f3f8f0'),
      style('red', '喜庆红', '#b3261e', '#37474f', '#fff5f2'),
    ],
  },
];

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));
export const GENERAL_TEMPLATE_ID = 'general';

export const findTemplate = (id: string): SiteTemplate | undefined => byId.get(id);

/** The template for an id, falling back to the general one (a site saved with a template that no longer ships still builds). */
export const templateOrDefault = (id: string): SiteTemplate => byId.get(id) ?? byId.get(GENERAL_TEMPLATE_ID)!;

/** Suggests a template from the enterprise's GB/T 4754 section (门类) and, better, division (大类). */
export function suggestTemplate(section: string, division?: string): SiteTemplate {
  if (division) {
    const byDivision = TEMPLATES.find((t) => t.divisions.includes(division));
    if (byDivision) return byDivision;
  }
  return TEMPLATES.find((t) => t.sections.includes(section)) ?? templateOrDefault(GENERAL_TEMPLATE_ID);
}

/** The colour style a site chose, or the template's first. */
export const styleOf = (template: SiteTemplate, styleId: string): ColourStyle =>
  template.styles.find((s) => s.id === styleId) ?? template.styles[0];

/** The template's layout with the site's overrides applied. */
export function effectiveLayout(template: SiteTemplate, choice: TemplateChoice): LayoutOptions {
  const o = choice.options ?? {};
  return {
    web: { ...template.layout.web, ...definedOnly(o.web) },
    wap2: { ...template.layout.wap2, ...definedOnly(o.wap2) },
    wap1: { ...template.layout.wap1, ...definedOnly(o.wap1) },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The template a site uses (by its choice), for `compile(site, templateFor(site), assets)`. */
export const templateFor = (site: SiteContent): SiteTemplate => templateOrDefault(site.template.templateId);
