// When the server refuses a step (422), each of the engine's reasons about the form lands under
// the field it is about, in the worker's language; reasons about nothing in particular are kept
// for the summary.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rejection } from '@ruta/engine';
import { es } from '../src/i18n/es.js';
import { en } from '../src/i18n/en.js';
import { fieldPath, rejectionsToErrorSchema } from '../src/forms/rejectionsToErrorSchema.js';

const missing = (path: string): Rejection => ({
  code: 'form-invalid',
  message: `form "cr-detection", field ${path}: is required`,
  form: 'cr-detection',
  path,
  keyword: 'required',
});

describe('server errors on form fields', () => {
  beforeAll(async () => {
    await i18next.init({ resources: { es: { translation: es }, en: { translation: en } }, lng: 'es' });
  });

  it('puts a missing field’s reason under that field, in the worker’s language', () => {
    const { errorSchema, placed } = rejectionsToErrorSchema(
      [missing('/detectionPlace'), missing('/victim/age')],
      'cr-detection',
      i18next.getFixedT('en'),
    );
    expect(placed).toBe(2);
    expect(errorSchema).toEqual({
      detectionPlace: { __errors: ['This field is required.'] },
      victim: { age: { __errors: ['This field is required.'] } },
    });
  });

  it('keeps the engine’s message where the limit matters', () => {
    const tooLong: Rejection = {
      code: 'form-invalid',
      message: 'form "cr-detection", field /detectionPlace: must be at most 200 characters',
      form: 'cr-detection',
      path: '/detectionPlace',
      keyword: 'maxLength',
    };
    const { errorSchema } = rejectionsToErrorSchema([tooLong], 'cr-detection', i18next.getFixedT('es'));
    expect(errorSchema).toEqual({ detectionPlace: { __errors: [tooLong.message] } });
  });

  it('leaves reasons about the whole form or another form for the summary', () => {
    const whole: Rejection = {
      code: 'form-invalid',
      message: 'this step records form "cr-detection": submit its data with the command',
      form: 'cr-detection',
      path: '/',
      keyword: 'required',
    };
    const other = { ...missing('/x'), form: 'cr-alert' };
    const guard: Rejection = {
      code: 'guard-failed',
      message: 'no',
      guard: 'g',
      description: { es: 'a', en: 'a' },
      condition: true,
    };
    const { unplaced, placed } = rejectionsToErrorSchema(
      [whole, other, guard],
      'cr-detection',
      i18next.getFixedT('es'),
    );
    expect(placed).toBe(0);
    expect(unplaced).toEqual([whole, other]);
  });

  it('reads JSON pointers, dotted paths and Ajv’s parent path with the property in the message', () => {
    expect(fieldPath('/a/b~1c', 'type', '')).toEqual(['a', 'b/c']);
    expect(fieldPath('.a.b', 'type', '')).toEqual(['a', 'b']);
    expect(fieldPath('/a', 'required', "must have required property 'name'")).toEqual(['a', 'name']);
    expect(fieldPath('/', 'required', 'this step records form "cr-detection"')).toEqual([]);
  });
});
