import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { resolveProtocol, type Problem, type Registry, type ResolvedProtocol } from '@ruta/protocol';
import { loadRepository } from './loadRepository.js';

export type ResolvedArgument =
  { ok: true; protocol: ResolvedProtocol; label: string } | { ok: false; problems: Problem[] };

/**
 * Each argument as a resolved protocol: "id@version" (or "id" for the latest) of a protocol or
 * variant in the repository, or the path of a protocol or variant file, resolved with the
 * repository's forms, invariants and bases.
 */
export function resolveArguments(
  args: readonly string[],
  cwd: string,
): { ok: true; results: ResolvedArgument[]; known: string[] } | { ok: false; errors: string[] } {
  const isFile = (arg: string) =>
    arg.endsWith('.json') || (existsSync(resolve(cwd, arg)) && statSync(resolve(cwd, arg)).isFile());
  const files = args.filter(isFile);
  const loaded = loadRepository(cwd, [], files);
  if (!loaded.ok) return loaded;
  const { registry, base } = loaded;
  const results = args.map((arg): ResolvedArgument => {
    if (!isFile(arg)) return resolved(registry, arg, arg);
    const path = relative(base, resolve(cwd, arg)) || arg;
    const entry = [...registry.protocols.values(), ...registry.variants.values()].find(
      (e) => e.path === path,
    );
    if (entry) return resolved(registry, `${entry.file.id}@${entry.file.version}`, path);
    const problems = registry.problems.filter((p) => p.location.file === path);
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: false,
      problems: [
        {
          code: 'not-a-protocol',
          location: { file: path, pointer: '/kind' },
          message: `${path} is not a protocol or a national variant`,
          hint: 'give a file with "kind": "protocol" or "kind": "variant", or an "id@version"',
          es: {
            message: `${path} no es un protocolo ni una variante nacional.`,
            hint: 'Indique un archivo con "kind": "protocol" o "kind": "variant", o un "id@versión".',
          },
        },
      ],
    };
  });
  const known = [...registry.protocols.keys(), ...registry.variants.keys()].sort();
  return { ok: true, results, known };
}

function resolved(registry: Registry, ref: string, label: string): ResolvedArgument {
  const r = resolveProtocol(registry, ref);
  return r.ok ? { ok: true, protocol: r.protocol, label } : { ok: false, problems: r.problems };
}
