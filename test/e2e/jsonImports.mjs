// The backend and shared/ import JSON without `with { type: 'json' }` (tsx and Vite accept that);
// Playwright's loader leaves such imports to Node, which refuses them. This hook adds the attribute.
export function load(url, context, nextLoad) {
  if (new URL(url).pathname.endsWith('.json') && context.importAttributes?.type !== 'json') {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  }
  return nextLoad(url, context);
}
