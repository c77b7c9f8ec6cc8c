// Committing a receipt from a screen (pay, refund): busy while it runs, then its result. A
// failure the storage layer does not classify (a bug) rolled the one transaction back like any
// other, so it is reported as 'storage' — nothing was recorded — and the button never stays
// disabled with no message. A screen that shows the reason passes the reasons it has strings for.
import { useState } from 'react';
import type { Receipt } from '@model';

type Outcome<Reason extends string> = { ok: true; receipt: Receipt } | { ok: false; reason: Reason };

export function useReceiptCommit<Reason extends string = string>() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Reason | 'storage' | null>(null);
  async function run<R extends Outcome<Reason>>(commit: () => Promise<R>): Promise<R | { ok: false; reason: 'storage' }> {
    setBusy(true);
    setError(null);
    let result: R | { ok: false; reason: 'storage' };
    try {
      result = await commit();
    } catch (e) {
      console.error('receipt commit failed', e);
      result = { ok: false, reason: 'storage' };
    } finally {
      setBusy(false);
    }
    if (!result.ok) setError(result.reason);
    return result;
  }
  return { busy, error, run };
}
