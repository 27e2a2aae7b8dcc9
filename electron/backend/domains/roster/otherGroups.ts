/**
 * Which of a roster's mobiles are members of another enterprise's VPMN group: what this device
 * knows (rosters it holds), and — when signed in and the platform answers within a few seconds —
 * what the platform knows (POST /vpmn/v1/lookup, numbers only). Offline, the import says it checked
 * this device only; the BOSS checks again when it opens the order.
 */
import { MAX_LOOKUP_MOBILES, memberLookupResponseSchema } from '../../../../shared/platform-api';
import type { ReadableDB } from '../../infra/db/handles';
import type { PlatformClient } from '../sync/platform';
import { otherGroupOf } from './repository';

const LOOKUP_TIMEOUT_MS = 5000;

export interface OtherGroups {
  has(mobile: string): boolean;
  checked: 'platform' | 'this_device';
}

async function platformHeld(client: PlatformClient, enterpriseId: string, mobiles: string[]): Promise<Set<string> | null> {
  const held = new Set<string>();
  try {
    for (let at = 0; at < mobiles.length; at += MAX_LOOKUP_MOBILES) {
      const body = { enterpriseId, mobiles: mobiles.slice(at, at + MAX_LOOKUP_MOBILES) };
      const answer = await client.json('/vpmn/v1/lookup', memberLookupResponseSchema, {
        method: 'POST',
        body,
        timeoutMs: LOOKUP_TIMEOUT_MS,
      });
      for (const mobile of answer.inOtherGroup) held.add(mobile);
    }
    return held;
  } catch {
    return null; // offline, signed out, an older platform: this device's knowledge only
  }
}

export async function otherGroups(
  db: () => ReadableDB,
  client: PlatformClient | null,
  enterpriseId: string,
  mobiles: string[],
): Promise<OtherGroups> {
  const remote = client && mobiles.length ? await platformHeld(client, enterpriseId, mobiles) : null;
  return {
    has: (mobile) => remote?.has(mobile) === true || otherGroupOf(db(), mobile, enterpriseId) !== undefined,
    checked: remote ? 'platform' : 'this_device',
  };
}
