/**
 * The order a term's sites are kept in (search_term.rank): the weight of the best field the term is
 * in, then popularity. Popularity enters as a bucket of the 30-day page views on a log scale, so a
 * site's terms are rewritten only when its views change by about a sixth, not on every visit.
 */

/** Field weights: a hit in the name outranks one in a model number, which outranks an item title. */
export const WEIGHT = { name: 100, model: 70, item: 40, initials: 30 } as const;

export const popularityBucket = (visits: number): number => Math.min(999, Math.floor(Math.log10(1 + Math.max(0, visits)) * 150));

export const rankOf = (weight: number, visits: number): number => weight * 1000 + popularityBucket(visits);
