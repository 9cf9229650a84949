import { useEffect, useState } from 'react';
import type * as Protocol from '@ruta/protocol';

type ProtocolLib = typeof Protocol;

let loading: Promise<ProtocolLib> | null = null;

/**
 * @ruta/protocol, loaded after the first screen: its index brings the form validator (Ajv) and
 * JSON Logic with it, which the worklist does not need to show its first rows. Null until loaded.
 */
export function useProtocolLib(): ProtocolLib | null {
  const [lib, setLib] = useState<ProtocolLib | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import('@ruta/protocol');
    loading.then(
      (m) => live && setLib(m),
      () => {
        loading = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return lib;
}
