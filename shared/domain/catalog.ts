/**
 * The product catalog: plans and bundles with their prices. It is versioned data — the platform
 * supplies newer versions; the app ships the seed below. Anything the source documents do not
 * give is marked `sample` and shown as 示例 in the UI.
 */
import { z } from 'zod';

/** What a component accepts (the group ring-back tone's file); `sample` when the documents give no figure. */
export const componentLimitsSchema = z.object({
  maxSeconds: z.number().int().positive(),
  maxBytes: z.number().int().positive(),
  formats: z.array(z.string()),
  sample: z.boolean(),
});
export type ComponentLimits = z.infer<typeof componentLimitsSchema>;

const componentSchema = z.object({ code: z.string(), name: z.string(), description: z.string(), limits: componentLimitsSchema.optional() });

export const planSchema = z.object({
  code: z.string(),
  name: z.string(),
  family: z.enum(['site', 'power100', 'promotion']),
  /** For 动力100: the bundle (通信动力 …) and its mode number. */
  bundle: z.string().optional(),
  mode: z.number().int().optional(),
  monthlyFeeFen: z.number().int().nonnegative(),
  smsIncluded: z.number().int().nonnegative(),
  smsRateFen: z.number().int().nonnegative(),
  components: z.array(componentSchema),
  description: z.string(),
  /** Which numbers are samples, not facts from the operator's documents. */
  sample: z.object({ monthlyFee: z.boolean(), smsRate: z.boolean() }),
  available: z.boolean(),
});
export type Plan = z.infer<typeof planSchema>;

export const catalogSchema = z.object({
  version: z.number().int().positive(),
  source: z.enum(['seed', 'platform']),
  publishedAt: z.string(),
  plans: z.array(planSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

const SAMPLE_SMS_RATE_FEN = 10; // 0.10 元 per SMS beyond the quota: a sample, the documents do not give it

const component = (code: string, name: string, description: string) => ({ code, name, description });
/** The documents give no length or size for a ring-back tone: samples, shown as 示例. */
const SAMPLE_RING_TONE_LIMITS: ComponentLimits = {
  maxSeconds: 40,
  maxBytes: 2 * 1024 * 1024,
  formats: ['mp3', 'wav', 'm4a'],
  sample: true,
};
const VPMN = component('vpmn', 'VPMN 集团短号', '每位成员手机分配 6 位短号，全国漫游可用');
const SITE = component('site', '企业建站', 'WEB、WAP、短信三网站，行业模板');

/** A promotion is sold like a plan (quoted per month) but opens no subscription: it lists the enterprise on the portal home. */
export const PORTAL_PROMOTION_CODE = 'portal-promotion';
export const MAX_PROMOTION_MONTHS = 24;

export const isPromotion = (plan: Pick<Plan, 'family'>): boolean => plan.family === 'promotion';

/** The first day after a promotion of `months` months from `startDate`: the same day `months` later (that month's last day when it is shorter). */
export function promotionEndDate(startDate: string, months: number): string {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
  return end.toISOString().slice(0, 10);
}

/** The last day a promotion shows: the day before its end date (it shows up to, not including, the end date). */
export function promotionLastDay(startDate: string, months: number): string {
  const end = new Date(`${promotionEndDate(startDate, months)}T00:00:00Z`);
  return new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export const SEED_CATALOG: Catalog = {
  version: 1,
  source: 'seed',
  publishedAt: '2026-11-01',
  plans: [
    {
      code: 'site-standard',
      name: '企业建站 标准版',
      family: 'site',
      monthlyFeeFen: 10000,
      smsIncluded: 1100,
      smsRateFen: SAMPLE_SMS_RATE_FEN,
      components: [SITE],
      description: '月功能费 100 元，含 1,100 条网内短信',
      sample: { monthlyFee: false, smsRate: true },
      available: true,
    },
    {
      code: 'site-business',
      name: '企业建站 商务版',
      family: 'site',
      monthlyFeeFen: 20000,
      smsIncluded: 2500,
      smsRateFen: SAMPLE_SMS_RATE_FEN,
      components: [SITE],
      description: '月功能费 200 元，含 2,500 条网内短信',
      sample: { monthlyFee: false, smsRate: true },
      available: true,
    },
    {
      code: 'power-comm-1',
      name: '通信动力 模式一',
      family: 'power100',
      bundle: '通信动力',
      mode: 1,
      monthlyFeeFen: 10000,
      smsIncluded: 0,
      smsRateFen: SAMPLE_SMS_RATE_FEN,
      components: [
        VPMN,
        component('switchboard', '移动总机', '转接、通讯录、短信提醒、热线、未接来电提醒、助理、客户经理热线；分机号可与短号一致'),
      ],
      description: 'VPMN + 移动总机',
      sample: { monthlyFee: true, smsRate: true },
      available: true,
    },
    {
      code: 'power-comm-2',
      name: '通信动力 模式二',
      family: 'power100',
      bundle: '通信动力',
      mode: 2,
      monthlyFeeFen: 10000,
      smsIncluded: 0,
      smsRateFen: SAMPLE_SMS_RATE_FEN,
      components: [VPMN, component('short-sms', '短号短信', '按短号给单个成员或群组发短信')],
      description: 'VPMN + 短号短信',
      sample: { monthlyFee: true, smsRate: true },
      available: true,
    },
    {
      code: 'power-marketing-1',
      name: '营销动力 模式一',
      family: 'power100',
      bundle: '营销动力',
      mode: 1,
      monthlyFeeFen: 15000,
      smsIncluded: 1100,
      smsRateFen: SAMPLE_SMS_RATE_FEN,
      components: [VPMN, SITE, { ...component('group-crbt', '集团彩铃', '集团统一的彩铃'), limits: SAMPLE_RING_TONE_LIMITS }],
      description: 'VPMN + 企业建站 + 集团彩铃',
      sample: { monthlyFee: true, smsRate: true },
      available: true,
    },
    {
      code: 'power-office-1',
      name: '办公动力',
      family: 'power100',
      bundle: '办公动力',
      mode: 1,
      monthlyFeeFen: 10000,
      smsIncluded: 0,
      smsRateFen: SAMPLE_SMS_RATE_FEN,
      components: [component('office-notice', '办公助手', '公文、合同、库存、会议、日程的通知、提醒与公告')],
      description: '公文、合同、库存、会议与日程的通知提醒',
      sample: { monthlyFee: true, smsRate: true },
      available: true,
    },
    {
      code: PORTAL_PROMOTION_CODE,
      name: '门户首页推荐',
      family: 'promotion',
      monthlyFeeFen: 50000,
      smsIncluded: 0,
      smsRateFen: 0,
      components: [component('portal-promotion', '门户首页推荐', '在 WEB 与 WAP 门户首页「推荐企业」中展示，链接到企业网站')],
      description: '按月购买，自起始日起展示所购月数',
      sample: { monthlyFee: true, smsRate: false },
      available: true,
    },
  ],
};

/** The fixture files and older scripts name plans `standard` / `business`. */
const PLAN_ALIASES: Record<string, string> = { standard: 'site-standard', business: 'site-business' };
export const canonicalPlanCode = (code: string): string => PLAN_ALIASES[code] ?? code;

export const findPlan = (catalog: Catalog, code: string): Plan | undefined => catalog.plans.find((p) => p.code === canonicalPlanCode(code));
