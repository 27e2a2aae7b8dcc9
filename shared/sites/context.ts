/** Everything pages share: sorted columns, per-channel navigation, layout, palette and URLs. */
import { checkDomain, checkSiteLabel } from '../domain/domainName';
import { CHANNELS, sortedColumns, type Channel, type Column, type SiteContent } from './model';
import { effectiveLayout, styleOf } from './templates/catalog';
import type { ColourStyle, LayoutOptions, SiteTemplate } from './templates/types';

export interface CompileOptions {
  /** The operator's domain that assigned labels live under (catalog data from the platform). */
  assignedDomainSuffix?: string;
  /** Where guestbook forms post: a path on the site's host or an absolute URL. */
  guestbookAction?: string;
}

export const DEFAULT_ASSIGNED_SUFFIX = 'ec.example.cn';

export interface SiteUrls {
  host: string;
  web: string;
  wap2: string;
  wap1: string;
}

export interface SiteContext {
  site: SiteContent;
  template: SiteTemplate;
  style: ColourStyle;
  layout: LayoutOptions;
  columns: Column[];
  /** Columns shown in each channel, in order. */
  enabled: Record<Channel, Column[]>;
  /** The SMS signature without brackets. */
  signature: string;
  urls: SiteUrls;
  guestbookAction: string;
  /** Changes whenever anything every page shows changes (header, navigation, template, domain). */
  fingerprint: string;
  /** The content key (JSON) of an object, computed once per build: content does not change during a build. */
  keyOf(value: object): string;
  /** A short token for an item (or a column's text) that changes exactly when its content does. */
  tokenOf(id: string, value: object): string;
}

/**
 * Tokens for content across builds: comparing `item#7` is cheaper than comparing an item's JSON in
 * every cache key. With `trustIdentity` an object seen before is taken as unchanged without looking
 * at it — only for callers that never mutate content objects in place (immutable updates).
 */
export interface ContentVersions {
  trustIdentity: boolean;
  counter: number;
  entries: Map<string, { json: string; object: object; token: string }>;
  seen: Set<string>;
}

export const createVersions = (trustIdentity = false): ContentVersions => ({
  trustIdentity,
  counter: 0,
  entries: new Map(),
  seen: new Set(),
});

/** Forgets content that was not seen in the last build. */
export function pruneVersions(versions: ContentVersions): void {
  for (const id of versions.entries.keys()) if (!versions.seen.has(id)) versions.entries.delete(id);
  versions.seen = new Set();
}

/** The host name in DNS form (A-labels). */
export function siteHost(site: SiteContent, options: CompileOptions = {}): string {
  if (site.domain.kind === 'own') return checkDomain(site.domain.name).ascii || site.domain.name.toLowerCase();
  return `${checkSiteLabel(site.domain.label).normalized}.${options.assignedDomainSuffix ?? DEFAULT_ASSIGNED_SUFFIX}`;
}

/** WEB at the host's root over HTTPS; the WAP sites under /wap/ and /wml/ over plain HTTP (old phones lack modern TLS). */
export function siteUrls(site: SiteContent, options: CompileOptions = {}): SiteUrls {
  const host = siteHost(site, options);
  return { host, web: `https://${host}/`, wap2: `http://${host}/wap/`, wap1: `http://${host}/wml/` };
}

export function buildContext(
  site: SiteContent,
  template: SiteTemplate,
  options: CompileOptions = {},
  versions: ContentVersions = createVersions(),
): SiteContext {
  const columns = sortedColumns(site);
  const enabled = Object.fromEntries(CHANNELS.map((ch) => [ch, columns.filter((c) => c.channels[ch])])) as Record<Channel, Column[]>;
  const style = styleOf(template, site.template.styleId);
  const layout = effectiveLayout(template, site.template);
  const urls = siteUrls(site, options);
  const guestbookAction = options.guestbookAction ?? '/guestbook';
  const fingerprint = JSON.stringify([
    site.profile,
    columns.map((c) => [c.id, c.type, c.title, c.channels]),
    site.template,
    template,
    style,
    layout,
    urls,
    guestbookAction,
    site.sms.serviceCode,
    site.sms.extension,
  ]);
  const keys = new WeakMap<object, string>();
  const keyOf = (value: object) => {
    let key = keys.get(value);
    if (key === undefined) keys.set(value, (key = JSON.stringify(value)));
    return key;
  };
  const tokenOf = (id: string, value: object) => {
    versions.seen.add(id);
    const known = versions.entries.get(id);
    if (known && versions.trustIdentity && known.object === value) return known.token;
    const json = keyOf(value);
    if (known && known.json === json) {
      known.object = value;
      return known.token;
    }
    const token = `${id}#${++versions.counter}`;
    versions.entries.set(id, { json, object: value, token });
    return token;
  };
  return {
    site,
    template,
    style,
    layout,
    columns,
    enabled,
    signature: site.sms.signature || site.profile.shortName,
    urls,
    guestbookAction,
    fingerprint,
    keyOf,
    tokenOf,
  };
}
