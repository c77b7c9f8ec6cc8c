import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';

export type PaperWidth = '58' | '80';

/** The receipt paper width of this till (58 or 80 mm), kept in the organization's settings. */
export function usePrinterSettings(): [PaperWidth, (w: PaperWidth) => Promise<void>] {
  const { db } = useApp();
  const row = useLiveQuery(() => db.settings.get('printer'), [db]);
  const width: PaperWidth = row?.value === '58' ? '58' : '80';
  return [width, async (w) => void (await db.settings.put({ key: 'printer', value: w }))];
}
