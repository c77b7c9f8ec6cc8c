import { useState } from 'react';
import { useApp } from '../../../ui/AppContext';
import { runBackup, type BackupRunReport } from '../../service';
import type { PackCodec } from '../../format/codec';
import type { Progress } from '../../format/types';
import { openMedium } from '../../media';
import type { BackupSettings } from '../../settings';
import { exportFileName } from '../wizard';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; report: BackupRunReport }
  | { status: 'failed'; reason: string };

/**
 * "Run backup" to the medium the registry says runs use now (media/index.ts), asking what it
 * needs (a folder's permission) inside the click, and finishing it after (a download's file).
 */
export function useRunBackup(codec: () => PackCodec) {
  const { db, org, clock } = useApp();
  const [state, setState] = useState<RunState>({ status: 'idle' });

  async function run(settings: BackupSettings, opts: { mediumLabel?: string; replaceForeign?: boolean } = {}): Promise<RunState> {
    setState({ status: 'running', progress: null });
    // Opened at click time, not from a live query, so a run never races the medium's first load.
    const medium = await openMedium(settings, { db, setId: settings.set?.setId ?? null });
    if (!medium || !(await medium.prepare().catch(() => false))) return finish({ status: 'failed', reason: 'not-allowed' });
    let last = 0;
    const r = await runBackup(
      db, medium.destination, settings, clock,
      (p) => {
        // At most ~10 renders a second: progress events come per pack.
        const now = performance.now();
        if (now - last > 100 || p.done === p.total) {
          last = now;
          setState({ status: 'running', progress: p });
        }
      },
      {
        codec: codec(), organization: { id: org.id, name: org.name }, stores: org.stores, description: 'daily',
        mediumLabel: (medium.namable ? opts.mediumLabel : undefined) || medium.defaultLabel || undefined, replaceForeign: opts.replaceForeign, extraFolders: settings.extraFolders,
      },
    );
    if (!r.ok) return finish({ status: 'failed', reason: r.reason });
    await medium.finish(exportFileName([org.name], clock.now()));
    return finish({ status: 'done', report: r.value });
  }

  function finish(s: RunState): RunState {
    setState(s);
    return s;
  }

  return { state, run, reset: () => setState({ status: 'idle' }) };
}
