import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

describe('the engine is pure', () => {
  it('reads no clock and draws no random numbers, and imports no framework', () => {
    for (const file of readdirSync(src).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(src, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect(code, file).not.toMatch(
        /Date\.now\(|new Date\(|Math\.random\(|setTimeout\(|setInterval\(|performance\.now\(/,
      );
      expect(code, file).not.toMatch(/from ['"](express|mongoose|react|node:fs|node:crypto)/);
    }
  });
});
