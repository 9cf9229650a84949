import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = path.resolve(here, '../..');
export const REPO_ROOT = path.resolve(WEB_DIR, '../..');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
