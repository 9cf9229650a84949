import {
  loadRegistry,
  resolveProtocol,
  type Problem,
  type Registry,
  type ResolvedProtocol,
} from '@ruta/protocol';
import { shippedFiles } from './shippedFiles.js';

export interface ShippedProtocol {
  /** "id@version" */
  ref: string;
  /** The file it is written in, relative to the repository root. */
  file: string;
  protocol: ResolvedProtocol;
}

/**
 * The shipped registry and every protocol and variant in it, resolved. Files are given as
 * loadRegistry takes them, so a test can pass altered copies (a deliberately broken protocol).
 */
export function shippedProtocols(files = shippedFiles()): {
  registry: Registry;
  protocols: ShippedProtocol[];
  /** Problems of loading and resolving (none for the shipped files). */
  problems: Problem[];
} {
  const registry = loadRegistry(files);
  const problems: Problem[] = [...registry.problems];
  const protocols: ShippedProtocol[] = [];
  const entries = [...registry.protocols.entries(), ...registry.variants.entries()];
  for (const [ref, entry] of entries) {
    const resolved = resolveProtocol(registry, ref);
    if (resolved.ok) protocols.push({ ref, file: entry.path, protocol: resolved.protocol });
    else problems.push(...resolved.problems);
  }
  return { registry, protocols, problems };
}
