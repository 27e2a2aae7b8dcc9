/** `<img>` for the WEB: alt, width, height, srcset (480 w / 1200 w), lazy loading. */
import type { ImageRef } from '../model';
import { h, type Element } from '../markup/node';
import type { JobSink } from '../job';
import type { Location } from '../report';

export function webImage(
  ref: ImageRef,
  sink: JobSink,
  pagePath: string,
  where: Location,
  options: { eager?: boolean; className?: string } = {},
): Element | null {
  const small = sink.image(ref, 'web480', pagePath, where);
  if (!small) return null;
  const large = sink.image(ref, 'web1200', pagePath, where);
  const srcset =
    large && large.width > small.width ? `${small.href} ${small.width}w, ${large.href} ${large.width}w` : `${small.href} ${small.width}w`;
  return h('img', {
    src: small.href,
    srcset,
    sizes: `(max-width: ${small.width}px) 100vw, ${large && large.width > small.width ? '960px' : `${small.width}px`}`,
    width: small.width,
    height: small.height,
    alt: ref.alt.trim(),
    loading: options.eager ? undefined : 'lazy',
    class: options.className,
  });
}
