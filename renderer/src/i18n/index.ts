/** i18next with zh-CN (default) and en-US; the choice is remembered per machine. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './locales/zh-CN.json';
import enUS from './locales/en-US.json';
import type { ApiError } from '../../../shared/api';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ecw.language';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: stored === 'en-US' ? 'en-US' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

/** A field problem's text: the schema's message is a key under `validation.` (falls back to the key). */
export function validationText(key: string | undefined, params?: Record<string, unknown>): string {
  if (!key) return '';
  return i18n.t(`validation.${key}`, { defaultValue: i18n.t('validation.invalid'), ...params });
}

/** A backend error's text, by its stable code; the English message is the last resort. */
export function errorText(error: Pick<ApiError, 'code' | 'message' | 'details'>): string {
  return i18n.t(`errors.${error.code}`, { defaultValue: i18n.t('errors.unknown', { message: error.message }), ...(error.details ?? {}) });
}

export default i18n;
