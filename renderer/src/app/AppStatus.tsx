/** The backend's start-up status (data folder, operator) for every page: the form's default manager comes from here. */
import { createContext, useContext } from 'react';
import type { Output } from '../../../shared/api';

export type AppStatus = Output<'system.status'>;

export const AppStatusContext = createContext<AppStatus | null>(null);

export function useAppStatus(): AppStatus {
  const status = useContext(AppStatusContext);
  if (!status) throw new Error('useAppStatus outside AppStatusContext');
  return status;
}
