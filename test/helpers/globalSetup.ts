/**
 * Once per vitest run, before any worker starts: the bundle the tests' child processes start from (processBundle.ts)
 * and the migrated database fresh test backends start from (databaseTemplate.ts); the returned teardown removes both.
 */
import { makeDatabaseTemplate } from './databaseTemplate';
import { buildProcessBundle } from './processBundle';

export default async function globalSetup(): Promise<() => void> {
  const removeBundle = await buildProcessBundle();
  const removeTemplate = makeDatabaseTemplate();
  return () => {
    removeTemplate();
    removeBundle();
  };
}
