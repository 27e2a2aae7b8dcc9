/**
 * Recompiles the previewed content whenever the site, a draft or a picture changes (debounced a
 * little so typing stays smooth). One compiler instance is kept, so only changed pages re-render.
 */
import { useEffect, useRef } from 'react';
import { createCompiler, templateFor, type SmsSite } from '../../../../../shared/sites';
import { useBuilder } from '../state/siteStore';
import { withDrafts, imagesOf } from '../state/previewContent';
import { cacheResolver, loadForBuild, readyForBuild, useImageCache } from '../state/imageCache';
import { useCompiled } from '../state/compiledStore';

const DELAY_MS = 120;

export function LiveCompiler() {
  const site = useBuilder((s) => s.site);
  const drafts = useBuilder((s) => s.drafts);
  const imagesVersion = useImageCache((s) => s.version);
  const compiler = useRef(createCompiler());

  useEffect(() => {
    if (!site) {
      useCompiled.setState({ compiled: null, error: null });
      return;
    }
    const timer = setTimeout(() => {
      const content = withDrafts(site.content, drafts);
      const hashes = imagesOf(content);
      if (!readyForBuild(hashes)) {
        void loadForBuild(hashes);
        return;
      }
      try {
        const started = performance.now();
        const result = compiler.current.compile(content, templateFor(content), cacheResolver);
        const files = new Map(result.files.map((f) => [f.path, f]));
        const menu = files.get('sms/menu.json');
        const sms = menu && typeof menu.content === 'string' ? (JSON.parse(menu.content) as SmsSite) : null;
        const compiled = {
          result,
          files,
          sms,
          revision: site.revision,
          withDrafts: content !== site.content,
          ms: performance.now() - started,
        };
        useCompiled.setState({ compiled, error: null });
      } catch (error) {
        useCompiled.setState({ error: error instanceof Error ? error.message : String(error) });
      }
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [site, drafts, imagesVersion]);

  return null;
}
