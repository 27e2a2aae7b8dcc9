/** Once per vitest run, before any worker starts: the platform bundle test processes start from. */
import { buildPlatformBundle } from './platformBundle';

export default async function globalSetup(): Promise<() => void> {
  return buildPlatformBundle();
}
