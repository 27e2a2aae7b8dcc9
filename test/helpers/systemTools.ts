/**
 * Tests that need a system tool (xmllint, pdftotext, chromium …) or ../shared skip with the reason
 * in their name where it is absent — unless CI is set, where its absence fails the run.
 */
import { describe } from 'vitest';
import { available, skipReason } from './requirements';

export { available, chromiumPath, CHROMIUM_ARGS } from './requirements';

/** `describe` that skips, with "[skipped: needs X]" in its name, when a requirement is absent outside CI. */
export function describeWith(requirements: string[], name: string, body: () => void): void {
  const ok = available(...requirements);
  describe.skipIf(!ok)(ok ? name : `${name} [${skipReason(requirements)}]`, body);
}
