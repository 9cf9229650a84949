import type { Problem } from '@ruta/protocol';

/**
 * Whether a problem is the server's note that the draft's own file did not pass the protocol
 * file schema ("victim-attention-gt@2, draft/victim-attention-gt.json, has problems"). It names
 * no problem and an internal path: the problems themselves are the page's own checks
 * (lintDesignDoc), which look for what that schema requires.
 */
export function isDraftFileRejected(p: Problem): boolean {
  return (
    p.code === 'invalid-protocol' && p.location.pointer === '' && (p.location.file ?? '').startsWith('draft/')
  );
}

/** The server's note about a rejected draft file, said without the path, for when the page finds nothing itself. */
export function draftFileRejected(): Problem {
  return {
    code: 'invalid-protocol',
    location: { pointer: '' },
    message: 'The draft is not yet a valid protocol file.',
    hint: 'Check that every text is complete in both languages and every field is filled in; if nothing is marked, undo the last change or reload the page.',
    es: {
      message: 'El borrador todavía no es un archivo de protocolo válido.',
      hint: 'Revise que cada texto esté completo en los dos idiomas y cada campo lleno; si no hay nada señalado, deshaga el último cambio o recargue la página.',
    },
  };
}

/** Each problem once: the page and the server may report the same one. */
export function withoutDuplicates(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.location.pointer}\u0000${p.location.form ?? ''}\u0000${p.es.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The problems to show when the server refuses to publish: its own, each once, with its note
 * that the draft file does not pass the schema replaced by the errors the page's checks find
 * (`local`), or by a note without the internal path when they find none.
 *
 * @example
 *   publishProblems([serverNote], lintDesignDoc(doc)) // [the empty Spanish title of a stage]
 */
export function publishProblems(server: readonly Problem[], local: readonly Problem[]): Problem[] {
  const errors = local.filter((p) => p.severity !== 'warning');
  const out = server.flatMap((p) =>
    isDraftFileRejected(p) ? (errors.length > 0 ? errors : [draftFileRejected()]) : [p],
  );
  return withoutDuplicates(out);
}
