/** Once per vitest run, before any worker starts: the bundle the tests' child processes start from (processBundle.ts). */
import { buildProcessBundle } from './processBundle';

export default async function globalSetup(): Promise<() => void> {
  return buildProcessBundle();
}
