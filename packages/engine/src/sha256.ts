import type { Sha256 } from './types.js';

let nodeSha256: Sha256 | undefined;

/** The parts of node:crypto the engine uses (typed here: the engine imports no Node module). */
interface NodeCrypto {
  /** One-shot hash, Node >= 20.12. */
  hash?: (algorithm: string, data: string, encoding: 'hex') => string;
  createHash(algorithm: string): {
    update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
}

/**
 * The hasher to use: the one injected, else node:crypto's. Loaded through
 * process.getBuiltinModule so that bundling the engine for a browser pulls in no Node module;
 * a browser must inject its own (Web Crypto is asynchronous, the engine is not).
 */
export function resolveSha256(injected: Sha256 | undefined): Sha256 {
  if (injected) return injected;
  if (nodeSha256) return nodeSha256;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  if (!crypto) {
    throw new Error(
      'No SHA-256 available here: pass deps.sha256, a function (text) => lowercase hex digest.',
    );
  }
  // crypto.hash (Node >= 20.12) is the one-shot form: faster than createHash for short texts.
  const oneShot = crypto.hash;
  nodeSha256 = oneShot
    ? (text) => oneShot('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return nodeSha256;
}
