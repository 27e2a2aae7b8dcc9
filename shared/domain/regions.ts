/** Mainland administrative divisions (province → city → district), for the region picker and checks. */
import regions from './data/regions.json';

export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export const REGIONS: RegionNode[] = regions as RegionNode[];

/** A staff account's regional scope (SYNC.md §3.11): a province (city null) or one city of it; an administrator's is everywhere. */
export interface AccountScope {
  role: string;
  region: { province: string | null; city: string | null };
}

/**
 * Whether an enterprise in this region is in the account's scope — what the platform accepts from
 * it (the platform decides the same way, from its own record of the account).
 */
export function inAccountScope(account: AccountScope, region: { province: string; city: string }): boolean {
  if (account.role === 'administrator') return true;
  const { province, city } = account.region;
  if (!province || province !== region.province) return false;
  return !city || city === region.city;
}

/** True when province/city/district name a real path in the division tree (municipalities use 市辖区). */
export function isKnownRegion(province: string, city: string, district: string): boolean {
  const p = REGIONS.find((r) => r.name === province);
  const c = p?.children?.find((r) => r.name === city);
  return Boolean(c?.children?.some((r) => r.name === district));
}
