/** Once per run, before any worker starts: browser mode serves renderer/dist, so build it if it is stale. */
import { ensureRendererBuilt } from './pages/renderer';

export default function globalSetup(): void {
  ensureRendererBuilt();
}
