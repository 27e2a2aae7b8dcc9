import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The product team's material beside the repository (design docs, DTDs, fixtures). */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
