/**
 * The backend's start-up status (data folder, operator): read once when the app starts and again
 * when the app changes it (recovery, first-run form); every page reads it from the cache.
 */
import { useApiQuery } from '../api/hooks';
import type { Output } from '../../../shared/api';

export type AppStatus = Output<'system.status'>;

export const useSystemStatusQuery = () => useApiQuery('system.status', {}, { staleTime: Infinity });

/** Inside the app's frame, where the status has been read. */
export function useAppStatus(): AppStatus {
  const { data } = useSystemStatusQuery();
  if (!data) throw new Error('useAppStatus before the status was read');
  return data;
}
