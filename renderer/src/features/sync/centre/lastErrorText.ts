/** A sync failure in the user's language, by its code; the platform's sentence when the code is new. */
import type { TFunction } from 'i18next';

export function lastErrorText(t: TFunction, error: { code: string; message: string }): string {
  const code = error.code.startsWith('http_5') ? 'http_5xx' : error.code;
  return t(`sync.lastError.${code}`, { defaultValue: t('sync.lastError.other', { message: error.message }) });
}
