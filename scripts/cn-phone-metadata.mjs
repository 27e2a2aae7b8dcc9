// `node scripts/cn-phone-metadata.mjs`: writes shared/domain/data/cn-phone-metadata.json, the CN part
// of libphonenumber-js's max metadata (the app validates mainland mobiles only, and the whole file is
// 150 KB in the UI). Run it after updating libphonenumber-js; test/unit/domain/mobile.test.ts fails
// until the copy matches the installed package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const max = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8'));
const cn = { version: max.version, country_calling_codes: { 86: ['CN'] }, countries: { CN: max.countries.CN }, nonGeographic: {} };
writeFileSync(path.join(root, 'shared', 'domain', 'data', 'cn-phone-metadata.json'), `${JSON.stringify(cn)}\n`);
