/**
 * Field-level three-way merge without a stored base (SYNC.md §3.5): `fieldVersions[f]` is the row
 * version at which field (or group) f last changed; the op edited from `baseVersion`.
 */
import { sameValue } from './canonical';

export interface MergeInput {
  current: Record<string, unknown>;
  fieldVersions: Record<string, number>;
  baseVersion: number;
  patch: Record<string, unknown>;
}

export interface MergeOutcome {
  /** Fields to write (client value differs and nobody else changed the field since base). */
  changes: Record<string, unknown>;
  /** Same field changed on both sides to different values: the server value is kept. */
  conflicts: Record<string, { mine: unknown; theirs: unknown }>;
  /** Fields others changed since base that the op did not touch. */
  autoMerged: string[];
}

export function mergePatch({ current, fieldVersions, baseVersion, patch }: MergeInput): MergeOutcome {
  const changes: Record<string, unknown> = {};
  const conflicts: MergeOutcome['conflicts'] = {};
  const changedSinceBase = (f: string) => (fieldVersions[f] ?? 0) > baseVersion;
  for (const [field, mine] of Object.entries(patch)) {
    if (sameValue(mine, current[field])) continue;
    if (changedSinceBase(field)) conflicts[field] = { mine, theirs: current[field] ?? null };
    else changes[field] = mine;
  }
  const autoMerged = Object.keys(fieldVersions).filter((f) => !f.startsWith('_') && changedSinceBase(f) && !(f in patch));
  return { changes, conflicts, autoMerged };
}

/** A delete conflicts when anything changed after the version the user decided to delete. */
export const changedAfter = (fieldVersions: Record<string, number>, baseVersion: number): string[] =>
  Object.keys(fieldVersions).filter((f) => fieldVersions[f]! > baseVersion);
