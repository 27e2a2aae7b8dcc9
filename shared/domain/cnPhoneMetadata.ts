/**
 * libphonenumber's metadata for China only (+86), copied from libphonenumber-js's max metadata by
 * scripts/cn-phone-metadata.mjs; a test checks the copy against the installed package.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from './data/cn-phone-metadata.json';

export const CN_PHONE_METADATA = metadata as unknown as MetadataJson;
