import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, record, redo, startHistory, undo } from '../src/designer/model/history.js';

describe('undo and redo', () => {
  it('walks back and forth through edits, and a new edit drops the redo branch', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('makes one undo step of typing in one box', () => {
    let h = startHistory('');
    for (const text of ['D', 'DI', 'DIN', 'DINA', 'DINAF'])
      h = record(h, text, 'state:travel:institution.es');
    h = record(h, 'DINAF!', 'state:travel:title.es');
    expect(undo(h).present).toBe('DINAF');
    expect(undo(undo(h)).present).toBe('');
  });

  it('does not record an edit that changed nothing, and undo of nothing is harmless', () => {
    const h = startHistory('a');
    expect(record(h, 'a')).toBe(h);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });
});
