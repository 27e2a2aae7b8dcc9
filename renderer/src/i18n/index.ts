/** i18next with zh-CN (default) and en-US; the choice is remembered per machine. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ApiError } from '../../../shared/api';
import appZh from '../app/locales/zh-CN.json';
import appEn from '../app/locales/en-US.json';
import enterprisesZh from '../features/enterprises/locales/zh-CN.json';
import enterprisesEn from '../features/enterprises/locales/en-US.json';
import ordersZh from '../features/orders/locales/zh-CN.json';
import ordersEn from '../features/orders/locales/en-US.json';
import sitesZh from '../features/sites/locales/zh-CN.json';
import sitesEn from '../features/sites/locales/en-US.json';
import syncZh from '../features/sync/locales/zh-CN.json';
import syncEn from '../features/sync/locales/en-US.json';
import rosterZh from '../features/roster/locales/zh-CN.json';
import rosterEn from '../features/roster/locales/en-US.json';
import leadsZh from '../features/leads/locales/zh-CN.json';
import leadsEn from '../features/leads/locales/en-US.json';
import publishingZh from '../features/publishing/locales/zh-CN.json';
import publishingEn from '../features/publishing/locales/en-US.json';
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ecw.language';

type Tree = { [key: string]: string | Tree };

/** Each feature keeps its own strings; they merge into one tree (a feature may add `errors.*` codes). */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees)
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
    }
  return out;
}

const zhCN = merge(appZh, enterprisesZh, ordersZh, sitesZh, syncZh, leadsZh, publishingZh, rosterZh);
const enUS = merge(appEn, enterprisesEn, ordersEn, sitesEn, syncEn, leadsEn, publishingEn, rosterEn);

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
