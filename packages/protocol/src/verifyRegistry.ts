import type { Registry } from './loadRegistry.js';
import { wrapText } from './problemText.js';
import { registryTexts as texts } from './registryTexts.js';
import { resolveProtocol } from './resolveProtocol.js';
import { escapePointer } from './stateTree.js';
import { verifyForm } from './verifyForm.js';
import { verifyPassed, verifyProtocol, type VerifyOptions } from './verifyProtocol.js';
import type { FormDefinition, Jurisdiction, Problem, VariantChange } from './types.js';

export interface ProtocolReport {
  id: string;
  /** null when the file could not be read far enough to know it. */
  version: number | null;
  jurisdiction: Jurisdiction | null;
  file: string;
  ok: boolean;
  problems: Problem[];
}

export interface FormReport {
  id: string;
  version: number | null;
  file: string;
  ok: boolean;
  problems: Problem[];
}

/** What `ruta verify --json` prints. `ok` is false when any file has an error (warnings pass). */
export interface RegistryReport {
  ok: boolean;
  protocols: ProtocolReport[];
  forms: FormReport[];
}

/**
 * Verifies a whole registry: the problems found while loading each file (malformed JSON, schema),
 * resolving each protocol and national variant (missing base, cycles, changes that do not apply),
 * and verifyProtocol on every version that resolves; every form on its own. Files that could not
 * be loaded are reported under "protocols" or "forms" by the folder they are in.
 *
 * A variant is reported only for what it adds: problems it inherits unchanged from its base are
 * reported once, on the base, and the variant gets one problem pointing there. Where a problem of
 * a variant concerns a state or form that one of its changes touches, it points at that change.
 *
 * @example
 *   const report = verifyRegistry(loadRegistry(files));
 *   if (!report.ok) process.exitCode = 1;
 */
export function verifyRegistry(
  registry: Registry,
  options: Pick<VerifyOptions, 'maxConfigurations'> = {},
): RegistryReport {
  const protocols = new Map<string, ProtocolReport>();
  const forms = new Map<string, FormReport>();
  const verifiedForms: Record<string, FormDefinition> = {};
  for (const [id, entry] of registry.forms) verifiedForms[id] = entry.file;

  // Problems of files that did not load.
  const rejectedByFile = new Map([...registry.rejected].map(([ref, file]) => [file, ref]));
  for (const problem of registry.problems) {
    const file = problem.location.file ?? '';
    const known = protocols.get(file) ?? forms.get(file);
    if (known) {
      known.problems.push(problem);
      continue;
    }
    const ref = rejectedByFile.get(file);
    const entry = registryEntryOf(registry, file);
    if (ref !== undefined || entry?.kind === 'protocol') {
      const [id, version] = (ref ?? `${entry?.id}@${entry?.version}`).split('@');
      protocols.set(file, {
        id: id ?? '',
        version: toVersion(version),
        jurisdiction: entry?.jurisdiction ?? null,
        file,
        ok: false,
        problems: [problem],
      });
    } else if (entry?.kind === 'form' || problem.location.form !== undefined || isUnder(file, 'forms')) {
      forms.set(file, {
        id: entry?.id ?? problem.location.form ?? baseName(file),
        version: entry?.version ?? null,
        file,
        ok: false,
        problems: [problem],
      });
    } else {
      protocols.set(file, {
        id: baseName(file),
        version: null,
        jurisdiction: null,
        file,
        ok: false,
        problems: [problem],
      });
    }
  }

  // Every protocol and variant that loaded: resolve, then verify.
  const verified = new Map<string, Problem[]>();
  const entries = [...registry.protocols.values(), ...registry.variants.values()].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  const verify = (ref: string): Problem[] => {
    const done = verified.get(ref);
    if (done) return done;
    verified.set(ref, []); // a cycle resolves to a problem of its own; this only stops recursion
    const entry = registry.protocols.get(ref) ?? registry.variants.get(ref);
    const file = entry?.path ?? '';
    const resolved = resolveProtocol(registry, ref);
    let problems: Problem[];
    if (!resolved.ok) {
      const own = resolved.problems.filter((p) => (p.location.file ?? file) === file);
      problems =
        own.length > 0
          ? own
          : [baseFailed(ref, file, entry && 'base' in entry.file ? entry.file.base : undefined)];
    } else {
      problems = verifyProtocol(resolved.protocol, { file, verifiedForms, ...options });
      const variant = registry.variants.get(ref)?.file;
      if (variant)
        problems = ownProblems(
          problems,
          verify(normalizeRef(registry, variant.base)),
          variant.base,
          variant.changes,
          file,
        );
    }
    verified.set(ref, problems);
    return problems;
  };
  for (const entry of entries) {
    const ref = `${entry.file.id}@${entry.file.version}`;
    const problems = [...(protocols.get(entry.path)?.problems ?? []), ...verify(ref)];
    protocols.set(entry.path, {
      id: entry.file.id,
      version: entry.file.version,
      jurisdiction: entry.file.jurisdiction,
      file: entry.path,
      ok: verifyPassed(problems),
      problems,
    });
  }

  for (const entry of [...registry.forms.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    const problems = [
      ...(forms.get(entry.path)?.problems ?? []),
      ...verifyForm(entry.file).map((p) => ({ ...p, location: { file: entry.path, ...p.location } })),
    ];
    forms.set(entry.path, {
      id: entry.file.id,
      version: entry.file.version,
      file: entry.path,
      ok: verifyPassed(problems),
      problems,
    });
  }

  const protocolList = [...protocols.values()].sort((a, b) => a.file.localeCompare(b.file));
  const formList = [...forms.values()].sort((a, b) => a.file.localeCompare(b.file));
  for (const report of [...protocolList, ...formList]) report.ok = verifyPassed(report.problems);
  return { ok: [...protocolList, ...formList].every((r) => r.ok), protocols: protocolList, forms: formList };
}

/**
 * A variant's problems without those it inherits from its base unchanged (one problem says
 * the base has them), each pointed at the change that touches its state or form when there is one.
 */
function ownProblems(
  problems: Problem[],
  baseProblems: Problem[],
  base: string,
  changes: VariantChange[],
  file: string,
): Problem[] {
  const same = (a: Problem, b: Problem) =>
    a.code === b.code && a.location.pointer === b.location.pointer && a.message === b.message;
  const own = problems.filter((p) => !baseProblems.some((b) => same(p, b)));
  const inherited = problems.length - own.length;
  const located = own.map((p) => {
    const index = changes.findIndex((c) => touches(c, p));
    if (index < 0 || p.location.pointer.startsWith('/changes')) return p;
    const resolved = texts.inResolvedProtocol(p.location.pointer);
    return {
      ...p,
      location: { ...p.location, pointer: `/changes/${index}` },
      ...wrapText(p, { after: resolved.en }, { after: resolved.es }),
    };
  });
  const errors = problems.filter(
    (p) => p.severity !== 'warning' && baseProblems.some((b) => same(p, b)),
  ).length;
  if (inherited > 0 && errors > 0) {
    located.push({
      code: 'base-has-problems',
      location: { file, pointer: '/base' },
      ...texts.baseHasProblemsInherited(inherited, base),
    });
  }
  return located;
}

function touches(change: VariantChange, problem: Problem): boolean {
  const { state, form } = problem.location;
  const pointer = problem.location.pointer;
  switch (change.op) {
    case 'setStateMeta':
    case 'removeDeadline':
      // What a delay counts from is the delay's (setDelay), not the state's that waits for it;
      // what a deadline counts from, the change that sets that deadline's.
      if (pointer.startsWith('/delays/')) return false;
      if (
        pointer.includes('/meta/deadline/from') &&
        (change.op === 'removeDeadline' || !change.meta.deadline)
      )
        return false;
      return state !== undefined && (state === change.path || state.startsWith(`${change.path}.`));
    case 'addState':
    case 'replaceState':
      return state !== undefined && (state === change.path || state.startsWith(`${change.path}.`));
    case 'setDelay':
      return pointer.startsWith(`/delays/${escapePointer(change.name)}/`);
    case 'addTransition':
    case 'replaceTransition':
      return (
        state !== undefined &&
        state === change.from &&
        problem.location.pointer.includes(`/on/${change.event}`)
      );
    case 'addForm':
    case 'replaceForm':
      return form !== undefined && form === change.form.id;
    case 'addField':
    case 'replaceField':
      return (
        form !== undefined &&
        form === change.form &&
        (problem.location.field === undefined ||
          problem.location.field === change.field ||
          problem.location.field.startsWith(`${change.field}.`))
      );
    default:
      return false;
  }
}

function baseFailed(ref: string, file: string, base: string | undefined): Problem {
  return {
    code: 'base-has-problems',
    location: { file, pointer: '/base' },
    ...texts.baseHasProblemsUnresolved(ref, base),
  };
}

/** "id" alone means the latest version, as resolveProtocol reads it. */
function normalizeRef(registry: Registry, ref: string): string {
  if (ref.includes('@')) return ref;
  const versions = [...registry.protocols.values(), ...registry.variants.values()]
    .filter((e) => e.file.id === ref)
    .map((e) => e.file.version);
  return versions.length > 0 ? `${ref}@${Math.max(...versions)}` : ref;
}

function registryEntryOf(
  registry: Registry,
  file: string,
): { kind: 'protocol' | 'form'; id: string; version: number; jurisdiction?: Jurisdiction } | undefined {
  for (const e of [...registry.protocols.values(), ...registry.variants.values()]) {
    if (e.path === file)
      return { kind: 'protocol', id: e.file.id, version: e.file.version, jurisdiction: e.file.jurisdiction };
  }
  for (const e of registry.forms.values())
    if (e.path === file) return { kind: 'form', id: e.file.id, version: e.file.version };
  return undefined;
}

function toVersion(text: string | undefined): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function isUnder(file: string, folder: string): boolean {
  return file.split(/[\\/]/).includes(folder);
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.json$/, '');
}
