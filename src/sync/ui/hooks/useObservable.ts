import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of an rxjs stream (undefined before the first one). */
export function useObservable<T>(source: Observable<T> | null | undefined): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!source) {
      setValue(undefined);
      return;
    }
    const sub = source.subscribe(setValue);
    return () => sub.unsubscribe();
  }, [source]);
  return value;
}
