/** Reordering by id, as the column and item lists do it: the ids in their new order, or null when nothing moves. */

/** `id` placed at `index` of the others (clamped to the ends). */
export function moveTo(ids: string[], id: string, index: number): string[] | null {
  if (!ids.includes(id)) return null;
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(rest.length, index)), 0, id);
  return rest.join() === ids.join() ? null : rest;
}

/** `id` moved `by` places (−1: up one) from where it is now. */
export const moveBy = (ids: string[], id: string, by: number): string[] | null => moveTo(ids, id, ids.indexOf(id) + by);

/** `id` dropped on `target`: it takes the target's place (a drop on itself moves nothing). */
export const dropOn = (ids: string[], id: string, target: string): string[] | null =>
  ids.includes(target) ? moveTo(ids, id, ids.indexOf(target)) : null;
