/**
 * Once per run, before any worker starts: browser mode serves renderer/dist, so build it if it is
 * stale; and the bundle the stories' processes (browser mode, platform, CLI) start from (removed by the returned teardown).
 */
import { buildProcessBundle } from '../helpers/processBundle';
import { ensureRendererBuilt } from './pages/renderer';

export default async function globalSetup(): Promise<() => void> {
  ensureRendererBuilt();
  return buildProcessBundle();
}
