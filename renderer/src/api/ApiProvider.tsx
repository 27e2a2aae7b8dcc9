/** Gives the app (or a test) its query cache, kept true to the backend by its change events. */
import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { connectCacheToEvents, createQueryClient } from './queryCache';

export function ApiProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [own] = useState(() => client ?? createQueryClient());
  useEffect(() => connectCacheToEvents(own), [own]);
  return <QueryClientProvider client={own}>{children}</QueryClientProvider>;
}
