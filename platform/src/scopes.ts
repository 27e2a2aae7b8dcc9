/**
 * Regional scopes (SYNC.md §3.11). A row's scope is its enterprise's "province/city"; a user's scopes
 * come from the user's region in the platform's own database, never from the client.
 */
import { createHash } from 'node:crypto';
import { REGIONS } from '../../shared/domain/regions';
import type { StaffRole } from '../../shared/platform-api/auth';

export interface Principal {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
  province: string | null;
  city: string | null;
}

export const scopeOf = (region: { province: string; city: string }): string => `${region.province}/${region.city}`;

/** The scope ids a user sees; null = every scope (administrators); staff without a region see nothing. */
export function scopesOf(user: Principal): string[] | null {
  if (user.role === 'administrator') return null;
  if (!user.province) return [];
  if (user.city) return [`${user.province}/${user.city}`];
  const province = REGIONS.find((p) => p.name === user.province);
  return (province?.children ?? []).map((c) => `${user.province}/${c.name}`);
}

export function inScope(user: Principal, scopeId: string): boolean {
  const scopes = scopesOf(user);
  return scopes === null || scopes.includes(scopeId);
}

/** Changes whenever what the user may see changes; a cursor made under another hash forces a resync. */
export function scopesHash(user: Principal): string {
  const scopes = scopesOf(user);
  const text = JSON.stringify(scopes === null ? '*' : [...scopes].sort());
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function regionLabel(user: Pick<Principal, 'province' | 'city'>): string {
  return [user.province, user.city].filter(Boolean).join('/') || '*';
}
