/**
 * JSON pointers (RFC 6901), the way every Problem says where it is: "/machine/states/a/meta/title".
 */

/** The pointer of a list of keys and indexes: ["machine", "states", "a/b"] -> "/machine/states/a~1b". */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The keys of a pointer: "/machine/states/a~1b" -> ["machine", "states", "a/b"]; "" -> []. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
