/**
 * A component another feature shows, loaded with the page that shows it rather than with the
 * first screen; a small spinner stands in for the moment it takes.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { Spin } from 'antd';

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={<Spin size="small" />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
