import { describe, expect, it } from 'vitest';
import { compileProtocol, MAX_DATA_BYTES } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, clone, testDeps, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());
/** The canonical JSON of {..validScreening, notes} is this many bytes longer than `notes`. */
const overhead = JSON.stringify({ ...validScreening, notes: '' }).length;

describe('oversized form data', () => {
  it('refuses more than 256 KiB of canonical JSON and changes nothing', () => {
    const d = drive(compiled, testDeps());
    const before = clone(d.case);
    const reasons = d.no('SCREEN', { ...validScreening, notes: 'x'.repeat(MAX_DATA_BYTES - overhead + 1) });
    expect(reasons).toEqual([expect.objectContaining({ code: 'bad-input', path: '/data' })]);
    expect(reasons[0]!.message).toContain('256 KiB');
    expect(d.case).toEqual(before);
  });

  it('counts bytes, not characters', () => {
    const d = drive(compiled, testDeps());
    // 3 bytes each in UTF-8: a third of the limit in characters is already too much.
    const reasons = d.no('SCREEN', { ...validScreening, notes: '€'.repeat(Math.ceil(MAX_DATA_BYTES / 3)) });
    expect(reasons.map((r) => r.code)).toEqual(['bad-input']);
  });

  it('accepts exactly 256 KiB as far as size goes (the form then judges the field)', () => {
    const d = drive(compiled, testDeps());
    const reasons = d.no('SCREEN', { ...validScreening, notes: 'x'.repeat(MAX_DATA_BYTES - overhead) });
    expect(reasons.map((r) => r.code)).toEqual(['form-invalid']);
    expect(reasons[0]).toMatchObject({ path: '/notes', keyword: 'maxLength' });
  });
});
