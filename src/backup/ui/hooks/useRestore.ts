import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../../ui/AppContext';
import { newId } from '../../../db/ids';
import { openOrgDatabase, orgDbName, type OrgDatabase } from '../../../db/schema';
import { commitRestore, previewRestore, type RestorePreview } from '../../service';
import type { PackCodec } from '../../format/codec';
import type { BackupReader, Progress } from '../../format/types';

/** Where the restore goes: an existing organization, or a new one (kind 'restored'). */
export type RestoreTarget = { kind: 'existing'; orgId: string } | { kind: 'new'; name: string };

export type RestoreState =
  | { status: 'idle' }
  | { status: 'checking'; progress: Progress | null }
  | { status: 'previewed'; preview: RestorePreview }
  | { status: 'restoring'; preview: RestorePreview }
  | { status: 'done'; orgId: string; orgName: string; rows: number; preview: RestorePreview }
  | { status: 'failed'; reason: string; at: 'check' | 'commit'; preview?: RestorePreview };

/**
 * Check (decrypt and verify everything, say what changes — writes nothing), then commit in one
 * transaction. A new organization's database and registry entry exist only after a commit.
 */
export function useRestore(codec: () => PackCodec) {
  const { db: currentDb, org: current, registry, clock } = useApp();
  const [state, setState] = useState<RestoreState>({ status: 'idle' });
  const target = useRef<{ db: OrgDatabase; id: string; fresh: boolean; committed: boolean } | null>(null);

  function release() {
    const t = target.current;
    target.current = null;
    if (!t || t.db === currentDb) return;
    if (t.fresh && !t.committed) void t.db.delete();
    else t.db.close();
  }
  useEffect(() => release, []); // eslint-disable-line react-hooks/exhaustive-deps

  function open(to: RestoreTarget) {
    release();
    if (to.kind === 'existing' && to.orgId === current.id) target.current = { db: currentDb, id: current.id, fresh: false, committed: false };
    else if (to.kind === 'existing') target.current = { db: openOrgDatabase(to.orgId), id: to.orgId, fresh: false, committed: false };
    else {
      const id = newId();
      target.current = { db: openOrgDatabase(id), id, fresh: true, committed: false };
    }
    return target.current;
  }

  async function check(to: RestoreTarget, reader: BackupReader, secret: string) {
    setState({ status: 'checking', progress: null });
    const t = open(to);
    let last = 0;
    const r = await previewRestore(reader, secret.trim(), t.db, {
      codec: codec(),
      onProgress: (p) => {
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          setState({ status: 'checking', progress: p });
        }
      },
    });
    setState(r.ok ? { status: 'previewed', preview: r.value } : { status: 'failed', reason: r.reason, at: 'check' });
  }

  /** True when the data were written. */
  async function commit(to: RestoreTarget, preview: RestorePreview): Promise<boolean> {
    const t = target.current;
    if (!t) return false;
    setState({ status: 'restoring', preview });
    const r = await commitRestore(t.db, preview);
    if (!r.ok) {
      setState({ status: 'failed', reason: r.reason, at: 'commit', preview });
      return false;
    }
    t.committed = true;
    let name = preview.organization.name;
    if (to.kind === 'new') {
      name = to.name.trim() || preview.organization.name;
      await registry.organizations.put({
        id: t.id, name, dbName: orgDbName(t.id), createdAt: clock.now().toISOString(), stores: preview.stores, kind: 'restored',
      });
    } else name = (await registry.organizations.get(t.id))?.name ?? name;
    setState({ status: 'done', orgId: t.id, orgName: name, rows: r.value.rows, preview });
    return true;
  }

  return { state, check, commit, reset: () => setState({ status: 'idle' }) };
}
