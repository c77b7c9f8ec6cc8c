import { useState } from 'react';
import { useApp } from '../../../ui/AppContext';
import { openOrgDatabase, type OrganizationEntry } from '../../../db/schema';
import { exportOrganizationsTo, type ExportOptions, type ExportOrganization } from '../../export';
import { translate } from '../../destinations/directory';
import { saveFileTo, type MediumSettings } from '../../media';
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
  /** Where the file goes (a folder, or a download). */
  medium: MediumSettings;
  password: string | null;
}

/** The wizard's Finish: one .posbackup for the chosen organizations, saved to the chosen medium. */
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
      // Streamed to the medium (the folder's file, or a Blob of chunks for the download).
      const r = await saveFileTo(req.medium, fileName, (write) => exportOrganizationsTo(orgs, options, write));
      if (r === null) return setState({ status: 'failed', reason: 'not-allowed' });
      if (!r.ok) return setState({ status: 'failed', reason: r.reason });
      setState({ status: 'done', fileName });
    } catch (e) {
      setState({ status: 'failed', reason: translate(e, 'export').code });
    } finally {
      opened.forEach((d) => d?.close());
    }
  }

  return { state, run };
}
