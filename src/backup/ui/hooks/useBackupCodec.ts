import { useEffect, useRef } from 'react';
import { createBrowserCodec } from '../../worker-client';
import type { PackCodec } from '../../format/codec';

/**
 * The Worker-backed codec (scrypt, gzip, age off the main thread), created on first use and
 * terminated when the screen goes away.
 */
export function useBackupCodec(): () => PackCodec {
  const ref = useRef<ReturnType<typeof createBrowserCodec> | null>(null);
  useEffect(
    () => () => {
      ref.current?.dispose();
      ref.current = null;
    },
    [],
  );
  return () => (ref.current ??= createBrowserCodec()).codec;
}
