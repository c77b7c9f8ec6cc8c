import { useState } from 'react';
import { useApp } from '../../../app/AppContext';
import { openOrgDatabase, type OrganizationEntry } from '../../../db/schema';
import { exportOrganizations } from '../../export';
import { translate } from '../../destinations/directory';
import type { DirectoryHandleLike } from '../../destinations/handle';
import { saveFileTo } from '../../media';
import type { PackCodec } from '../../format/codec';
import type { Progress } from '../../format/types';
import { exportFileName, storesFor } from '../wizard';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; fileName: string }
  | { status: 'failed'; reason: string };

export interface ExportRequest {
  orgs: OrganizationEntry[];
  storeIds: string[];
  folder: DirectoryHandleLike | null;
  password: string | null;
}

/** The wizard's Finish: one .posbackup for the chosen organizations, into the folder or downloaded. */
export function useExport(codec: () => PackCodec) {
  const { db: currentDb, org: current, clock } = useApp();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  async function run(req: ExportRequest): Promise<void> {
    setState({ status: 'running', progress: null });
    // Other organizations' databases are opened for the export only.
    const opened = req.orgs.map((o) => (o.id === current.id ? null : openOrgDatabase(o.id)));
    try {
      const r = await exportOrganizations(
        req.orgs.map((o, i) => ({
          db: opened[i] ?? currentDb,
          organization: { id: o.id, name: o.name },
          stores: storesFor(o.stores, req.orgs.length, req.storeIds),
        })),
        { codec: codec(), clock, password: req.password, onProgress: (p) => setState({ status: 'running', progress: p }) },
      );
      if (!r.ok) return setState({ status: 'failed', reason: r.reason });
      const fileName = exportFileName(req.orgs.map((o) => o.name), clock.now());
      await saveFileTo(req.folder ? { kind: 'folder', handle: req.folder } : { kind: 'download' }, fileName, r.value);
      setState({ status: 'done', fileName });
    } catch (e) {
      setState({ status: 'failed', reason: translate(e, 'export').code });
    } finally {
      opened.forEach((d) => d?.close());
    }
  }

  return { state, run };
}
