/** The platform's CMPP flags (`--ismg HOST:PORT --sp-id … --sp-secret … --service-code …`) to a link configuration. */
import { LINK_DEFAULTS, type LinkConfig } from './link';

export interface SmsFlags {
  ismg?: string;
  'sp-id'?: string;
  'sp-secret'?: string;
  'service-code'?: string;
  'service-id'?: string;
  'cmpp-version'?: string;
  'cmpp-window'?: string;
  'sms-sites'?: string;
}

export const SMS_FLAG_OPTIONS = {
  ismg: { type: 'string' },
  'sp-id': { type: 'string' },
  'sp-secret': { type: 'string' },
  'service-code': { type: 'string' },
  'service-id': { type: 'string' },
  'cmpp-version': { type: 'string' },
  'cmpp-window': { type: 'string' },
  'sms-sites': { type: 'string' },
} as const;

export const SMS_FLAGS_USAGE =
  '[--ismg HOST:PORT --sp-id SPID --sp-secret SECRET --service-code CODE [--service-id ID] [--cmpp-version 2|3] [--cmpp-window N] [--sms-sites on|off]]';

/** `host:port` (IPv6 in brackets) to its parts; throws an Error with the reason. */
export function parseHostPort(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535) throw new Error(`--ismg ${value}: expected HOST:PORT`);
  return { host: match[1] ?? match[2]!, port };
}

/** null without --ismg (no link); throws an Error naming the bad flag. */
export function smsConfigFromFlags(flags: SmsFlags): LinkConfig | null {
  if (!flags.ismg) return null;
  const { host, port } = parseHostPort(flags.ismg);
  const spId = flags['sp-id'] ?? '';
  const secret = flags['sp-secret'] ?? '';
  const serviceCode = flags['service-code'] ?? '';
  if (!/^[0-9A-Za-z]{1,6}$/.test(spId)) throw new Error('--sp-id: the SP id is 1–6 letters or digits');
  if (!secret) throw new Error('--sp-secret is required with --ismg');
  if (!/^\d{1,20}$/.test(serviceCode)) throw new Error('--service-code: the 106… code, digits only');
  const serviceId = flags['service-id'] ?? LINK_DEFAULTS.serviceId;
  if (!/^[\x20-\x7e]{1,10}$/.test(serviceId)) throw new Error('--service-id: up to 10 ASCII characters');
  const version = Number(flags['cmpp-version'] ?? LINK_DEFAULTS.version);
  if (version !== 2 && version !== 3) throw new Error('--cmpp-version: 2 or 3');
  const window = Number(flags['cmpp-window'] ?? LINK_DEFAULTS.window);
  if (!Number.isInteger(window) || window < 1 || window > 256) throw new Error('--cmpp-window: 1 to 256');
  return { ...LINK_DEFAULTS, host, port, spId, secret, serviceCode, serviceId, version, window };
}

/** `--sms-sites off`: MOs stay in the inbox (/admin/sms/mo) unanswered, for tools that read it; on by default. */
export function smsSitesFromFlags(flags: SmsFlags): boolean {
  const value = flags['sms-sites'] ?? 'on';
  if (value !== 'on' && value !== 'off') throw new Error('--sms-sites: on or off');
  return value === 'on';
}
