/** Tray entries whose pictures an editor's draft has taken (released from the tray when the draft is saved). */
import { createContext, useContext } from 'react';

export interface TrayPicks {
  add(entryId: string): void;
}

export const TrayPicksContext = createContext<TrayPicks>({ add: () => undefined });

export const useTrayPicks = () => useContext(TrayPicksContext);
