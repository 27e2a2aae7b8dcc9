/**
 * Thumbnails of every template × colour style: the home page compiled from the site's own content
 * (cut down to what the home page shows), one at a time so the editor stays responsive.
 */
import { useEffect, useState } from 'react';
import { compile, findTemplate, type SiteContent } from '../../../../../shared/sites';
import type { Compiled } from '../state/compiledStore';
import { cacheResolver } from '../state/imageCache';
import { previewDocument } from '../preview/pageDocument';

/** Only what the WEB home page needs: web-only columns, the first items of each. */
function homeOnly(content: SiteContent, templateId: string, styleId: string): SiteContent {
  return {
    ...content,
    unsorted: [],
    template: { templateId, styleId, options: {} },
    columns: content.columns.map((c) => ({
      ...c,
      channels: { web: c.channels.web, wap2: false, wap1: false, sms: false },
      items: c.items.slice(0, 4),
    })),
  };
}

export function thumbnailHtml(content: SiteContent, templateId: string, styleId: string): string | undefined {
  const template = findTemplate(templateId);
  if (!template) return undefined;
  const result = compile(homeOnly(content, templateId, styleId), template, cacheResolver);
  const compiled: Compiled = {
    result,
    files: new Map(result.files.map((f) => [f.path, f])),
    sms: null,
    revision: 0,
    withDrafts: false,
    ms: 0,
  };
  return previewDocument(compiled, 'web/index.html', 'html{overflow:hidden}');
}

/** Thumbnails by `templateId:styleId`, filled in one per tick for the keys asked for. */
export function useThumbnails(content: SiteContent | undefined, keys: string[], version: string): Record<string, string> {
  const [thumbs, setThumbs] = useState<{ version: string; html: Record<string, string> }>({ version: '', html: {} });
  const keyList = keys.join('|');
  useEffect(() => {
    if (!content) return;
    let cancelled = false;
    const todo = keyList.split('|').filter(Boolean);
    const made: Record<string, string> = {};
    const step = () => {
      if (cancelled) return;
      const key = todo.shift();
      if (!key) return;
      const [templateId = '', styleId = ''] = key.split(':');
      try {
        const html = thumbnailHtml(content, templateId, styleId);
        if (html) made[key] = html;
      } catch {
        // a thumbnail that cannot be built stays a placeholder
      }
      setThumbs({ version, html: { ...made } });
      timer = setTimeout(step, 0);
    };
    let timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `version` names the content: thumbnails are rebuilt when it changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, keyList]);
  return thumbs.version === version ? thumbs.html : {};
}
