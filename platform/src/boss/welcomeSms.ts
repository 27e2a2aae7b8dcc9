/**
 * The SMS sent when BOSS opens an enterprise. Customer-supplied text (the enterprise's name) could
 * pose as the operator — a second line, a fake 【中国移动】 signature, a link — so it goes only into
 * the opening notice, made safe by `smsSafeText`; the maintenance password goes in a message of
 * its own with nothing the customer wrote.
 */
import type { OpeningResult } from '../../../shared/platform-api/opening';

const SIGNATURE = '【集团客户】';
const NAME_MAX_CHARS = 20;

// Line breaks, control and format characters (zero-width, bidi overrides) become spaces.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;
// Only the operator's signature may use these brackets (［］ arrive here as [] after NFKC).
const SIGNATURE_BRACKETS = /[【】〖〗〔〕[\]]/g;
// A scheme, or a host name whose last label is a top-level domain.
const WEB_ADDRESS = /[a-z][a-z0-9+.-]*:\/\/\S*|(?:[\p{L}\p{N}-]+[.。])+(?:[a-z][a-z0-9-]+|中国|中國|公司|网络|網絡)\b(?:[/:?#]\S*)?/giu;

/** Customer text for an SMS: one line, without 【】 or web addresses, at most `maxChars` characters. */
export function smsSafeText(text: string, maxChars = NAME_MAX_CHARS): string {
  const chars = [
    ...text
      .normalize('NFKC')
      .replace(INVISIBLE, ' ')
      .replace(SIGNATURE_BRACKETS, ' ')
      .replace(WEB_ADDRESS, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : chars.join('');
}

export interface OpeningSms {
  kind: 'opening_notice' | 'welcome';
  text: string;
}

/** The two messages, in the order they are sent: the notice with the (safe) name, then the account. */
export function openingMessages(enterpriseName: string, r: OpeningResult): OpeningSms[] {
  const site = r.domain ? `，网站 http://${r.domain.fqdn}` : '';
  return [
    {
      kind: 'opening_notice',
      text:
        `${SIGNATURE}${smsSafeText(enterpriseName)}：您的集团业务已开通，集团编码 ${r.groupCode}，` +
        `短信网站请编辑短信发送至 ${r.smsServiceCode.full}${site}。维护账号和初始密码另行短信发送。`,
    },
    {
      kind: 'welcome',
      text:
        `${SIGNATURE}集团编码 ${r.groupCode} 的维护账号 ${r.maintenanceAccount.login}，初始密码 ${r.maintenanceAccount.initialPassword}${site}。` +
        `请尽快登录修改密码，勿向他人透露。`,
    },
  ];
}
