import { useState } from 'react';
import { useApp } from '../../../app/AppContext';
import { openOrgDatabase, type OrganizationEntry } from '../../../db/schema';
import { exportOrganizationsTo, exportOrganizationsToBlob, type ExportOptions, type ExportOrganization } from '../../export';
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
      const orgs: ExportOrganization[] = req.orgs.map((o, i) => ({
        db: opened[i] ?? currentDb,
        organization: { id: o.id, name: o.name },
        stores: storesFor(o.stores, req.orgs.length, req.storeIds),
      }));
      const options: ExportOptions = { codec: codec(), clock, password: req.password, onProgress: (p) => setState({ status: 'running', progress: p }) };
      const fileName = exportFileName(req.orgs.map((o) => o.name), clock.now());
      // Streamed into the folder's file, or into a Blob of chunks for the download.
      if (req.folder) {
        const r = await writeFile(req.folder, fileName, (write) => exportOrganizationsTo(orgs, options, write));
        if (!r.ok) return setState({ status: 'failed', reason: r.reason });
      } else {
        const r = await exportOrganizationsToBlob(orgs, options);
        if (!r.ok) return setState({ status: 'failed', reason: r.reason });
        saveAsDownload(r.value, fileName);
      }
      setState({ status: 'done', fileName });
    } catch (e) {
      setState({ status: 'failed', reason: translate(e, 'export').code });
    } finally {
      opened.forEach((d) => d?.close());
    }
  }

  return { state, run };
}

/** Streams into `name` in the folder; a failed export aborts the file (nothing half-written stays). */
async function writeFile<T extends { ok: boolean }>(dir: DirectoryHandleLike, name: string, fill: (write: (chunk: Uint8Array) => Promise<void>) => Promise<T>): Promise<T> {
  const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
  try {
    const r = await fill((chunk) => w.write(chunk as Uint8Array<ArrayBuffer>));
    if (r.ok) await w.close();
    else await w.abort().catch(() => undefined);
    return r;
  } catch (e) {
    await w.abort().catch(() => undefined);
    throw e;
  }
}
