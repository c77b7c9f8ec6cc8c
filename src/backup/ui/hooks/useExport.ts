import { useState } from 'react';
import { useApp } from '../../../ui/AppContext';
import { openOrgDatabase, type OrganizationEntry } from '../../../db/schema';
import { exportOrganizations } from '../../export';
import { saveAsDownload } from '../../destinations/download';
import { translate } from '../../destinations/directory';
import type { DirectoryHandleLike } from '../../destinations/handle';
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
      if (req.folder) await writeFile(req.folder, fileName, r.value);
      else saveAsDownload(r.value, fileName);
      setState({ status: 'done', fileName });
    } catch (e) {
      setState({ status: 'failed', reason: translate(e, 'export').code });
    } finally {
      opened.forEach((d) => d?.close());
    }
  }

  return { state, run };
}

async function writeFile(dir: DirectoryHandleLike, name: string, bytes: Uint8Array): Promise<void> {
  const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
  try {
    await w.write(bytes as Uint8Array<ArrayBuffer>);
    await w.close();
  } catch (e) {
    await w.abort().catch(() => undefined);
    throw e;
  }
}
