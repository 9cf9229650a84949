import { SCHEMA_KINDS, validateFile, type SchemaKind } from './checkSchema.js';
import { parseJson } from './parseJson.js';
import { registryTexts as texts } from './registryTexts.js';
import type { FormDefinition, Invariant, Population, Problem, ProtocolFile, VariantFile } from './types.js';

export type SharedInvariant = Invariant & { appliesTo: Population[] };

/** A file of the registry with where it came from. */
export interface RegistryEntry<T> {
  path: string;
  file: T;
}

/**
 * Every protocol file of a checkout, classified and schema-checked. Files with problems are
 * left out of the maps (their problems say why), so everything in the maps is well-formed.
 */
export interface Registry {
  /** Protocol versions by "id@version". */
  protocols: ReadonlyMap<string, RegistryEntry<ProtocolFile>>;
  /** National variants by "id@version". */
  variants: ReadonlyMap<string, RegistryEntry<VariantFile>>;
  /** Forms by id. */
  forms: ReadonlyMap<string, RegistryEntry<FormDefinition>>;
  /** The shared invariants (workflows/invariants.json). */
  invariants: SharedInvariant[];
  /** Where the shared invariants came from, by invariant id. */
  invariantFiles: ReadonlyMap<string, string>;
  /** Every problem found while loading, in file order. */
  problems: Problem[];
  /** "id@version" of protocols and variants whose file has problems, with that file: to explain a failed lookup. */
  rejected: ReadonlyMap<string, string>;
}

/**
 * Builds the registry from the text of every file (pure: the caller reads the disk). Each file
 * is parsed safely, classified by its `kind` and checked against its schema; a protocol or
 * variant id@version given twice, a form id given twice or a shared invariant id given twice is
 * a problem, and the first file keeps its place.
 *
 * @example
 *   const registry = loadRegistry(paths.map((path) => ({ path, text: readFileSync(path, 'utf8') })));
 *   for (const p of registry.problems) console.error(`${p.location.file}${p.location.pointer}: ${p.message}`);
 */
export function loadRegistry(files: readonly { path: string; text: string }[]): Registry {
  const protocols = new Map<string, RegistryEntry<ProtocolFile>>();
  const variants = new Map<string, RegistryEntry<VariantFile>>();
  const forms = new Map<string, RegistryEntry<FormDefinition>>();
  const invariants: SharedInvariant[] = [];
  const invariantFiles = new Map<string, string>();
  const problems: Problem[] = [];
  const rejected = new Map<string, string>();

  for (const { path, text } of files) {
    const parsed = parseJson(text, path);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const kind = kindOf(parsed.value);
    if (kind === null) {
      problems.push({
        code: 'unknown-kind',
        location: { file: path, pointer: '/kind' },
        ...texts.unknownKindOfFile(path, SCHEMA_KINDS),
      });
      continue;
    }
    const checked = validateFile(kind, parsed.value, path);
    if (!checked.ok) {
      problems.push(...checked.problems);
      const ref = versionedRef(parsed.value);
      if ((kind === 'protocol' || kind === 'variant') && ref !== null && !rejected.has(ref))
        rejected.set(ref, path);
      continue;
    }
    const file = checked.value;
    if (file.kind === 'protocol' || file.kind === 'variant') {
      const ref = `${file.id}@${file.version}`;
      const existing = protocols.get(ref) ?? variants.get(ref);
      if (existing) {
        problems.push({
          code: 'duplicate-protocol',
          location: { file: path, pointer: '/version' },
          ...texts.duplicateProtocol(ref, existing.path, path),
        });
        continue;
      }
      if (file.kind === 'protocol') protocols.set(ref, { path, file });
      else variants.set(ref, { path, file });
    } else if (file.kind === 'form') {
      const existing = forms.get(file.id);
      if (existing) {
        problems.push({
          code: 'duplicate-form',
          location: { file: path, pointer: '/id', form: file.id },
          ...texts.duplicateForm(file.id, existing.path, path),
        });
        continue;
      }
      forms.set(file.id, { path, file });
    } else {
      file.invariants.forEach((inv, i) => {
        const existing = invariantFiles.get(inv.id);
        if (existing !== undefined) {
          problems.push({
            code: 'duplicate-invariant',
            location: { file: path, pointer: `/invariants/${i}/id` },
            ...texts.duplicateInvariant(inv.id, existing),
          });
          return;
        }
        invariantFiles.set(inv.id, path);
        invariants.push(inv);
      });
    }
  }
  return { protocols, variants, forms, invariants, invariantFiles, problems, rejected };
}

/** The highest version of a protocol or variant id in the registry, or undefined when there is none. */
export function latestVersion(registry: Registry, id: string): number | undefined {
  const versions = versionsOf(registry, id);
  return versions.length > 0 ? versions[versions.length - 1] : undefined;
}

/** The versions of a protocol or variant id in the registry, lowest first. */
export function versionsOf(registry: Registry, id: string): number[] {
  const out: number[] = [];
  for (const map of [registry.protocols, registry.variants]) {
    for (const { file } of map.values()) if (file.id === id) out.push(file.version);
  }
  return out.sort((a, b) => a - b);
}

function kindOf(value: unknown): SchemaKind | null {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'kind')) return null;
  const kind = (value as { kind: unknown }).kind;
  return SCHEMA_KINDS.find((k) => k === kind) ?? null;
}

function versionedRef(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, version } = value as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'number' ? `${id}@${version}` : null;
}
