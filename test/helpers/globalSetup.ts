/**
 * Once per vitest run, before any worker starts: the bundle the tests' child processes start from (processBundle.ts)
 * and the migrated databases fresh test backends and platforms start from (databaseTemplate.ts, platform/test/databaseTemplates.ts);
 * the returned teardown removes them.
 */
import { makePlatformTemplates } from '../../platform/test/databaseTemplates';
import { makeDatabaseTemplate } from './databaseTemplate';
import { buildProcessBundle } from './processBundle';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const removeBundle = await buildProcessBundle();
  const removeTemplate = makeDatabaseTemplate();
  const removePlatformTemplates = await makePlatformTemplates();
  return async () => {
    await removePlatformTemplates();
    removeTemplate();
    removeBundle();
  };
}
