import { useState } from 'react';
import { useApp } from '../../../ui/AppContext';
import { runBackup, type BackupRunReport } from '../../service';
import { directoryDestination, ensurePermission } from '../../destinations/directory';
import { downloadDestination, saveAsDownload } from '../../destinations/download';
import type { DirectoryHandleLike } from '../../destinations/handle';
import type { PackCodec } from '../../format/codec';
import type { BackupDestination, Progress } from '../../format/types';
import type { BackupSettings } from '../../settings';
import { exportFileName } from '../wizard';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; report: BackupRunReport }
  | { status: 'failed'; reason: string };

/**
 * "Run backup": to `opts.destination` when given (the back office), to the stored folder (asking
 * the permission again inside the click), or built in memory and downloaded as one .posbackup.
 */
export function useRunBackup(codec: () => PackCodec) {
  const { db, org, clock } = useApp();
  const [state, setState] = useState<RunState>({ status: 'idle' });

  async function run(settings: BackupSettings, opts: { mediumLabel?: string; replaceForeign?: boolean; destination?: BackupDestination } = {}): Promise<RunState> {
    setState({ status: 'running', progress: null });
    const handle = opts.destination ? null : (settings.directory as DirectoryHandleLike | null);
    if (handle && (await ensurePermission(handle, true).catch(() => 'denied' as const)) !== 'granted') {
      return finish({ status: 'failed', reason: 'not-allowed' });
    }
    const memory = handle || opts.destination ? null : downloadDestination();
    const destination = opts.destination ?? (handle ? directoryDestination(handle) : memory!);
    let last = 0;
    const r = await runBackup(
      db, destination, settings, clock,
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
        mediumLabel: opts.mediumLabel || handle?.name || undefined, replaceForeign: opts.replaceForeign, extraFolders: settings.extraFolders,
      },
    );
    if (!r.ok) return finish({ status: 'failed', reason: r.reason });
    if (memory) saveAsDownload(await memory.toZip(), exportFileName([org.name], clock.now()));
    return finish({ status: 'done', report: r.value });
  }

  function finish(s: RunState): RunState {
    setState(s);
    return s;
  }

  return { state, run, reset: () => setState({ status: 'idle' }) };
}
