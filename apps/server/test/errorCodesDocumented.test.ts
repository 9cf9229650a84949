// docs/api.md lists every error code the server can send, with its status, so a client author
// reading it knows every refusal to handle.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.js';

const doc = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/api.md'),
  'utf8',
);

describe('docs/api.md', () => {
  it('lists every error code with its status', () => {
    const missing = Object.entries(ERROR_CODES)
      .filter(([code, { status }]) => !doc.includes(`| ${status} | \`${code}\` |`))
      .map(([code]) => code);
    expect(missing).toEqual([]);
  });

  it('lists no code the server does not send', () => {
    const listed = [...doc.matchAll(/^\| \d{3} \| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
    expect(listed.filter((c) => !(c in ERROR_CODES))).toEqual([]);
  });
});
