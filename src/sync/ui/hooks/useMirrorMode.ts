import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { countLocalGoods, isMirrorMode } from '../../engine/mirror';
import { syncStoreOf } from '../../dexieStore';

/** Goods sync switch state and how many till-created goods turning it on would delete. */
export function useMirrorMode(): { on: boolean; localGoods: number } | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => ({ on: await isMirrorMode(syncStoreOf(db)), localGoods: await countLocalGoods(syncStoreOf(db)) }), [db]);
}
