import { expect } from 'vitest';
import type { Problem } from '../src/index.js';

/**
 * Words that mark an English sentence and no Spanish one (a list of names may hold "and", "or":
 * JSON Logic operators), outside what the sentence quotes.
 */
const ENGLISH =
  /\b(the|it is|is not|are not|does not|do not|has no|have no|must be|which is|did you mean)\b/i;

/** A text without what it quotes (names, values, JSON, another tool's words), where English may remain. */
function ownWords(text: string): string {
  return text
    .replace(/«[^»]*»/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/dice: [^)]*\)/g, '');
}

/**
 * Fails unless every problem says in Spanish what it says in English: a Spanish message and hint,
 * neither empty, neither a copy of the English, and no English sentence left in them.
 */
export function expectInSpanish(problems: readonly Problem[], context = ''): void {
  for (const p of problems) {
    const about = `${context} ${p.code} at ${p.location.pointer}: ${p.message}`.trim();
    expect(p.es?.message?.trim(), about).toBeTruthy();
    expect(p.es?.hint?.trim(), about).toBeTruthy();
    expect(p.es.message, about).not.toBe(p.message);
    expect(p.es.hint, about).not.toBe(p.hint);
    expect(ownWords(p.es.message), about).not.toMatch(ENGLISH);
    expect(ownWords(p.es.hint), about).not.toMatch(ENGLISH);
  }
}
