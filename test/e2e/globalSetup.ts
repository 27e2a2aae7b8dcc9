/**
 * Once per run, before any worker starts: browser mode serves renderer/dist, so build it if it is
 * stale; and the platform bundle the stories' platforms start from (removed by the returned teardown).
 */
import { buildPlatformBundle } from '../helpers/platformBundle';
import { ensureRendererBuilt } from './pages/renderer';

export default async function globalSetup(): Promise<() => void> {
  ensureRendererBuilt();
  return buildPlatformBundle();
}
