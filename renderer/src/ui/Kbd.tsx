import type { ReactNode } from 'react';

/** A key cap in a hint ("Alt+N", "/"). */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="ecw-kbd">{children}</kbd>;
}
