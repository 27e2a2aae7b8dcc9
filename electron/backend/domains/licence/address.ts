/**
 * A licence address checked against the official division names (shared/domain/regions): OCR
 * drops rare characters (芝罘区 read as 芝区), so a district one character short of exactly one
 * district of the city is restored. An address whose province and city are known but whose
 * district matches none is reported as doubtful.
 */
import { REGIONS, type RegionNode } from '../../../../shared/domain/regions';

export interface CheckedAddress {
  address: string;
  /** False when the district could not be matched to the official names. */
  sure: boolean;
}

const withoutOne = (name: string): string[] => [...name].map((_, i) => [...name].filter((__, j) => j !== i).join(''));

/** The districts of the city the address names after its province (a municipality: its districts). */
function districtsAfter(address: string): { rest: string; prefix: string; districts: RegionNode[] } | undefined {
  const province = REGIONS.find((p) => address.startsWith(p.name));
  if (!province) return undefined;
  const afterProvince = address.slice(province.name.length);
  const city = province.children?.find((c) => afterProvince.startsWith(c.name));
  if (city) return { prefix: province.name + city.name, rest: afterProvince.slice(city.name.length), districts: city.children ?? [] };
  const municipal = province.children?.filter((c) => c.name === '市辖区' || c.name === '县').flatMap((c) => c.children ?? []);
  return municipal?.length ? { prefix: province.name, rest: afterProvince, districts: municipal } : undefined;
}

export function checkAddress(address: string): CheckedAddress {
  const found = districtsAfter(address);
  if (!found) return { address, sure: true };
  const { prefix, rest, districts } = found;
  if (districts.some((d) => rest.startsWith(d.name))) return { address, sure: true };
  const restored = districts.filter((d) => d.name.length > 2 && withoutOne(d.name).some((short) => rest.startsWith(short)));
  if (restored.length === 1) {
    const district = restored[0]!;
    const short = withoutOne(district.name).find((s) => rest.startsWith(s))!;
    return { address: prefix + district.name + rest.slice(short.length), sure: true };
  }
  return { address, sure: false };
}
