/** Mainland administrative divisions (province → city → district), for the region picker and checks. */
import regions from './data/regions.json';

export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

export const REGIONS: RegionNode[] = regions as RegionNode[];

/** True when province/city/district name a real path in the division tree (municipalities use 市辖区). */
export function isKnownRegion(province: string, city: string, district: string): boolean {
  const p = REGIONS.find((r) => r.name === province);
  const c = p?.children?.find((r) => r.name === city);
  return Boolean(c?.children?.some((r) => r.name === district));
}
