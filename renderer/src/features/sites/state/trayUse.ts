/**
 * A picture chosen from the unsorted tray is used by a draft; once the draft is saved and the site
 * shows every picture of that (picture-only) tray entry, the entry leaves the tray.
 */
import { imagesOf } from './previewContent';
import { save, useBuilder } from './siteStore';

export async function releaseTrayEntries(entryIds: Iterable<string>): Promise<void> {
  for (const entryId of new Set(entryIds)) {
    const site = useBuilder.getState().site;
    const entry = site?.content.unsorted.find((e) => e.id === entryId);
    if (!site || !entry || entry.blocks.length > 0) continue;
    const shown = new Set(imagesOf(site.content));
    if (entry.images.every((i) => shown.has(i.sha256))) await save('sites.discardTrayEntry', { entryId }).catch(() => undefined);
  }
}
