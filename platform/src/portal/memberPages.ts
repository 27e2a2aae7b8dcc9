/**
 * The WEB portal's member pages: `/member` (number, city, what to follow) → `POST /member/code`
 * (texts a code) → `POST /member/join` (the code; the member is saved). No cookie or session: the
 * code proves the number, and changing what a member follows is the same flow again. Each refusal
 * names its stable code (`data-code`) beside the Chinese message. The city may be left to the
 * number (按手机号码归属地); the code step, where the number is known, offers the city again with the
 * region of the number's prefix pre-selected (or the member's own choice), and what it posts wins.
 */
import type { Context, Hono } from 'hono';
import { INDUSTRY_SECTIONS } from '../../../shared/domain/industry';
import { h, type ChildInput } from '../../../shared/sites/markup/node';
import type { PlatformContext } from '../context';
import { addressOf } from '../public/channels';
import { MAX_FORM_BYTES } from '../public/leads';
import type { SmsGateway } from '../sms/gateway';
import { CODE_TTL_MS, confirmCode, knownCity, parseChoice, requestCode, type MemberChoice, type MemberProblem } from './members';
import { regionOfMobile, type MobileRegion } from './mobileRegion';
import { box, webPage } from './web';
import type { PhoneChannel, PhoneForm, PhonePage } from './wap';

export const PROBLEM_TEXT: Record<MemberProblem, string> = {
  'member.mobile_invalid': '请填写正确的手机号码。',
  'member.choice_invalid': '请从列表中选择所在城市；关键词为 2–10 个汉字、字母或数字，最多 3 个。',
  'member.too_soon': '验证码已发送，请 1 分钟后再获取。',
  'member.too_many_codes': '这个号码今天获取验证码的次数太多，请明天再试。',
  'member.address_throttled': '请求太频繁，请稍后再试。',
  'member.sms_unavailable': '短信服务暂不可用，请稍后再试。',
  'member.no_code': '请先获取验证码。',
  'member.code_expired': '验证码已过期，请重新获取。',
  'member.code_locked': '验证码输错次数太多，已失效，请重新获取。',
  'member.code_wrong': '验证码不正确。',
};

const STATUS: Partial<Record<MemberProblem, 429 | 503>> = {
  'member.too_soon': 429,
  'member.too_many_codes': 429,
  'member.address_throttled': 429,
  'member.sms_unavailable': 503,
};

export interface MemberPagesOptions {
  canonical(path: string): string;
  /** The cities a member may choose (province, city), e.g. those with live sites. */
  cities(): Promise<{ province: string; city: string }[]>;
  /** The live enterprise a "follow" link names, if any. */
  enterprise(enterpriseId: string): Promise<{ enterprise_id: string; name: string } | undefined>;
}

/** A form post's fields (url-encoded, at most MAX_FORM_BYTES); null when it is not one. */
async function formOf(c: Context): Promise<URLSearchParams | null> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && !(Number(declared) <= MAX_FORM_BYTES)) return null;
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) return null;
  const body = await c.req.text();
  return Buffer.byteLength(body) > MAX_FORM_BYTES ? null : new URLSearchParams(body);
}

/** The option that leaves the city to the number's prefix (it posts no city). */
const BY_NUMBER: [string, string] = ['', '按手机号码归属地'];
const regionValue = (r: MobileRegion) => (r.city ? `${r.province}/${r.city}` : '');
const regionOption = (r: MobileRegion): [string, string] => [regionValue(r), `${r.province} ${r.city}`];
/** On a phone: the city's name alone (a municipality's own name for its 市辖区). */
const PHONE_BY_NUMBER: [string, string] = ['', '按号码归属地'];
const phoneOption = (r: MobileRegion): [string, string] => [regionValue(r), r.city === '市辖区' ? r.province : r.city];

/** A posted `province/city` (or '' for the number's region); null when it is no city of ours. */
function regionField(value: string): MobileRegion | null {
  const [province = '', city = ''] = value.split('/', 2);
  return knownCity(province, city) ? { province, city } : null;
}

/**
 * The city list of the code step: the cities offered, with the region of the number's prefix and the
 * member's choice among them, pre-selecting what the member chose, else the number's region.
 */
async function regionChoice(
  options: Pick<MemberPagesOptions, 'cities'>,
  mobile: string,
  chosen: string,
): Promise<{ regions: MobileRegion[]; selected: string; fromNumber: boolean }> {
  const cities = await options.cities();
  const ofNumber = regionOfMobile(mobile);
  const selected = chosen || (ofNumber ? regionValue(ofNumber) : '');
  // The chosen and the number's region are offered even where no site is live yet.
  const regions = [...cities];
  for (const value of new Set([selected, ofNumber ? regionValue(ofNumber) : '']))
    if (value && !regions.some((r) => regionValue(r) === value)) regions.unshift(regionField(value) ?? { province: '', city: '' });
  return { regions: regions.filter((r) => r.city), selected, fromNumber: !chosen && ofNumber !== null };
}

function choiceOf(form: URLSearchParams): MemberChoice | null {
  const [province = '', city = ''] = (form.get('city') ?? '').split('/', 2);
  const keywords = (form.get('keywords') ?? '').split(/[\s,，、]+/).filter(Boolean);
  // A phone's one-choice list sends '' for "none".
  return parseChoice({
    province,
    city,
    industries: form.getAll('industry[]').filter(Boolean),
    enterprises: form.getAll('enterprise'),
    keywords,
  });
}

/** What the code step posted: the code, the number (and as a refusal shows it again), the region when it sent one. */
function joinOf(form: URLSearchParams | null) {
  const mobile = form?.get('mobile') ?? '';
  const posted = form?.get('region') ?? null;
  const region = posted === null ? undefined : regionField(posted);
  return {
    input: { mobile, code: (form?.get('code') ?? '').slice(0, 12), region: region ?? undefined },
    shown: mobile.replace(/\D/g, '').slice(-11),
    posted: posted ?? '',
    invalid: region === null,
  };
}

const maskedMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

export function memberRoutes(web: Hono, ctx: PlatformContext, sms: SmsGateway | null, options: MemberPagesOptions): void {
  const page = (c: Context, title: string, main: ChildInput[], status: 200 | 400 | 429 | 503 = 200) =>
    c.body(
      webPage({
        title,
        description: '注册门户会员，按行业、企业和关键词订阅最新供求信息短信。',
        canonical: options.canonical('/member'),
        main: [h('h1', {}, title), ...main],
      }),
      status,
      {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      },
    );
  const problem = (code: MemberProblem, extra = '') =>
    h('p', { class: 'problem', role: 'alert', 'data-code': code }, PROBLEM_TEXT[code] + extra);

  async function signUpForm(c: Context, followed: { enterprise_id: string; name: string }[], error?: ChildInput) {
    const cities = await options.cities();
    const field = (id: string, label: string, input: ChildInput) => h('p', {}, h('label', { for: id }, label), h('br', {}), input);
    return page(
      c,
      '会员订阅',
      [
        h('p', {}, '用手机号码注册门户会员，选择关注的行业、企业或关键词，每天收到一条新供求信息短信（免费，回复 TD 退订）。'),
        error,
        h(
          'form',
          { method: 'post', action: '/member/code', class: 'member' },
          field(
            'mobile',
            '手机号码',
            h('input', {
              id: 'mobile',
              name: 'mobile',
              type: 'tel',
              inputmode: 'numeric',
              autocomplete: 'tel',
              maxlength: 20,
              required: true,
            }),
          ),
          field(
            'city',
            '所在城市',
            h(
              'select',
              { id: 'city', name: 'city' },
              [BY_NUMBER, ...cities.map(regionOption)].map(([value, text]) => h('option', { value }, text)),
            ),
          ),
          followed.map((e) => [
            h('input', { type: 'hidden', name: 'enterprise', value: e.enterprise_id }),
            h('p', {}, `关注企业：${e.name}`),
          ]),
          h(
            'fieldset',
            {},
            h('legend', {}, '关注的行业'),
            INDUSTRY_SECTIONS.map((s) =>
              h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'industry[]', value: s.code }), ` ${s.name}`),
            ),
          ),
          field(
            'keywords',
            '关键词（最多 3 个，用空格分开）',
            h('input', { type: 'text', id: 'keywords', name: 'keywords', maxlength: 40, placeholder: '例如 钢材 茶叶' }),
          ),
          h('button', { type: 'submit' }, '获取验证码'),
        ),
      ],
      error ? 400 : 200,
    );
  }

  async function codeForm(c: Context, mobile: string, chosen: string, error?: ChildInput, status: 200 | 400 = 200) {
    const region = await regionChoice(options, mobile, chosen);
    return page(
      c,
      '输入验证码',
      [
        error ?? h('p', {}, `验证码已发送到 ${maskedMobile(mobile)}，${CODE_TTL_MS / 60_000} 分钟内有效。`),
        h(
          'form',
          { method: 'post', action: '/member/join', class: 'member' },
          h('input', { type: 'hidden', name: 'mobile', value: mobile }),
          h(
            'p',
            {},
            h('label', { for: 'region' }, region.fromNumber ? '所在城市（按号码归属地预选，可更改）' : '所在城市'),
            h('br', {}),
            h(
              'select',
              { id: 'region', name: 'region' },
              [BY_NUMBER, ...region.regions.map(regionOption)].map(([value, text]) =>
                h('option', { value, selected: value === region.selected }, text),
              ),
            ),
          ),
          h(
            'p',
            {},
            h('label', { for: 'code' }, '验证码'),
            h('br', {}),
            h('input', {
              type: 'text',
              id: 'code',
              name: 'code',
              inputmode: 'numeric',
              autocomplete: 'one-time-code',
              maxlength: 6,
              required: true,
            }),
          ),
          h('button', { type: 'submit' }, '确认'),
        ),
        h('p', {}, h('a', { href: '/member' }, '重新获取验证码')),
      ],
      status,
    );
  }

  web.get('/member', async (c) => {
    const wanted = c.req.query('e');
    const followed = wanted ? await options.enterprise(wanted.slice(0, 64)) : undefined;
    return signUpForm(c, followed ? [followed] : []);
  });

  web.post('/member/code', async (c) => {
    const form = await formOf(c);
    const choice = form && choiceOf(form);
    if (!form || !choice) return signUpForm(c, [], problem('member.choice_invalid'));
    const outcome = await requestCode(ctx, sms, { mobile: form.get('mobile') ?? '', address: addressOf(c), choice });
    if (!outcome.ok) {
      const status = STATUS[outcome.problem];
      return status
        ? page(c, '会员订阅', [problem(outcome.problem), h('p', {}, h('a', { href: '/member' }, '返回'))], status)
        : signUpForm(c, [], problem(outcome.problem));
    }
    return codeForm(c, outcome.mobile, regionValue(choice));
  });

  web.post('/member/join', async (c) => {
    const form = await formOf(c);
    const joining = joinOf(form);
    if (joining.invalid) return codeForm(c, joining.shown, '', problem('member.choice_invalid'), 400);
    const outcome = await confirmCode(ctx, joining.input);
    if (!outcome.ok) {
      const extra = outcome.attemptsLeft !== undefined ? `还可以再试 ${outcome.attemptsLeft} 次。` : '';
      return codeForm(c, joining.shown, joining.posted, problem(outcome.problem, extra), 400);
    }
    return page(c, '订阅成功', [
      box('您已成为门户会员', h('p', {}, '每天会收到一条您关注的新供求信息短信（没有新信息时不发）。回复 TD 即可退订。')),
      h('p', {}, h('a', { href: '/' }, '返回门户首页')),
    ]);
  });
}

export interface PhoneMemberOptions extends Pick<MemberPagesOptions, 'cities' | 'enterprise'> {
  channelOf(c: Context): PhoneChannel;
  answer(c: Context, channel: PhoneChannel, page: PhonePage, status?: 200 | 400 | 429 | 503): Response;
}

/** The same flow on the WAP portal, in XHTML-MP or WML: one industry from a list (phones have no checkboxes in WML). */
export function memberPhoneRoutes(phone: Hono, ctx: PlatformContext, sms: SmsGateway | null, options: PhoneMemberOptions): void {
  const home = { href: '/', label: '首页' };
  const page = (c: Context, title: string, lines: PhonePage['lines'], form?: PhoneForm, status: 200 | 400 | 429 | 503 = 200) =>
    options.answer(c, options.channelOf(c), { title, lines, form, up: home }, status);

  async function signUp(c: Context, enterpriseId: string | undefined, problemCode?: MemberProblem) {
    const followed = enterpriseId ? await options.enterprise(enterpriseId.slice(0, 64)) : undefined;
    const cities = (await options.cities()).map(phoneOption);
    const form: PhoneForm = {
      action: '/member/code',
      submit: '获取验证码',
      fields: [
        ...(followed ? [{ name: 'enterprise', value: followed.enterprise_id }] : []),
        { name: 'mobile', label: '手机号码', maxlength: 20, digits: true },
        { name: 'city', label: '所在城市', options: [PHONE_BY_NUMBER, ...cities] },
        {
          name: 'industry[]',
          label: '关注行业',
          options: [['', '不选'], ...INDUSTRY_SECTIONS.map((s): [string, string] => [s.code, s.name])],
        },
        { name: 'keywords', label: '关键词', maxlength: 40 },
      ],
    };
    const lines = [
      problemCode ? PROBLEM_TEXT[problemCode] : '每天一条新供求短信，免费，回复TD退订。',
      ...(followed ? [`关注：${followed.name}`] : []),
    ];
    return page(c, '会员订阅', lines, form, problemCode ? 400 : 200);
  }
  async function codePage(c: Context, mobile: string, chosen: string, text: string, status: 200 | 400 = 200) {
    const region = await regionChoice(options, mobile, chosen);
    return page(
      c,
      '输入验证码',
      [text],
      {
        action: '/member/join',
        submit: '确认',
        fields: [
          { name: 'mobile', value: mobile },
          {
            name: 'region',
            label: region.fromNumber ? '所在城市(按号码预选)' : '所在城市',
            options: [PHONE_BY_NUMBER, ...region.regions.map(phoneOption)],
            selected: region.selected,
          },
          { name: 'code', label: '验证码', maxlength: 6, digits: true },
        ],
      },
      status,
    );
  }

  phone.get('/member', (c) => signUp(c, c.req.query('e')));
  // A WML deck's form target fetched as a page (a gateway's reload, a back step): the form again.
  phone.get('/member/:step{code|join}', (c) => signUp(c, undefined));
  phone.post('/member/code', async (c) => {
    const form = await formOf(c);
    const choice = form && choiceOf(form);
    if (!form || !choice) return signUp(c, undefined, 'member.choice_invalid');
    const outcome = await requestCode(ctx, sms, { mobile: form.get('mobile') ?? '', address: addressOf(c), choice });
    if (outcome.ok) return codePage(c, outcome.mobile, regionValue(choice), `验证码已发送到${maskedMobile(outcome.mobile)}。`);
    const status = STATUS[outcome.problem];
    return status ? page(c, '会员订阅', [PROBLEM_TEXT[outcome.problem]], undefined, status) : signUp(c, undefined, outcome.problem);
  });
  phone.post('/member/join', async (c) => {
    const joining = joinOf(await formOf(c));
    if (joining.invalid) return codePage(c, joining.shown, '', PROBLEM_TEXT['member.choice_invalid'], 400);
    const outcome = await confirmCode(ctx, joining.input);
    if (outcome.ok) return page(c, '订阅成功', ['您已成为门户会员，每天会收到一条新供求短信。回复TD退订。']);
    const extra = outcome.attemptsLeft !== undefined ? `还可再试${outcome.attemptsLeft}次。` : '';
    return codePage(c, joining.shown, joining.posted, PROBLEM_TEXT[outcome.problem] + extra, 400);
  });
}
