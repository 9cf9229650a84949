import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProtocolFile } from '@ruta/protocol';
import { REPO_ROOT } from './paths.js';

/** The shipped regional child-repatriation protocol file. */
export function childRepatriationFile(): ProtocolFile {
  return JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'workflows/regional/child-repatriation.v1.json'), 'utf8'),
  ) as ProtocolFile;
}
