/** The site compiler's public API (see README.md). */
export * from './model';
export * from './assets';
export { exampleSite, EXAMPLE_IMAGES, EXAMPLE_IMAGE_SIZES } from './example';
export { compile, createCompiler, type CompileResult, type Compiler, type CompilerOptions, type CompileStats } from './compile';
export { siteUrls, siteHost, DEFAULT_ASSIGNED_SUFFIX, type CompileOptions, type SiteUrls } from './context';
export type { OutputFile, AssetUse } from './job';
export type { Report, Finding, FindingCode, PageStat, Severity, Location } from './report';
export {
  TEMPLATES,
  findTemplate,
  templateOrDefault,
  templateFor,
  suggestTemplate,
  styleOf,
  effectiveLayout,
  GENERAL_TEMPLATE_ID,
} from './templates/catalog';
export type { SiteTemplate, ColourStyle, Palette, LayoutOptions, WebLayout, PhoneLayout } from './templates/types';
export { countSms, countWithSignature, billedMessages, signatureText, type SmsCount, type SmsEncoding } from './sms/count';
export { SMS_ROOT, compileSmsSite, type SmsSite, type SmsNode, type SmsOption, type SmsText } from './sms/menu';
export { WML_DECK_BUDGET } from './wap1/pages';
export { WAP2_MARKUP_BUDGET, WAP2_PAGE_BUDGET } from './wap2/pages';
export { compileWml } from './wbxml/wml';
export { MIME_TYPES, mimeOf } from './paths';
export { siDocument, encodeSi, wapPushMessages, toHex, type ServiceIndication, type SiAction } from './push/si';
