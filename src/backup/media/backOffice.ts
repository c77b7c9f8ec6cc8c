// The back office as the off-site medium (/api/v1/backup/{setId}/…), reached with the till's
// active sync link. Without one (never paired, revoked) the choice is kept but not usable, and
// runs go to the medium chosen before it (see settings.ts, fallbackMedium).
import { z } from 'zod';
import { getActiveLink, syncStoreOf } from '../../sync';
import { httpDestination } from '../destinations/http';
import type { BackupMedium } from './types';

const schema = z.object({ kind: z.literal('back-office') });

export const backOfficeMedium: BackupMedium<'back-office', z.infer<typeof schema>> = {
  kind: 'back-office',
  labelKey: 'backup.medium.backOffice',
  schema,
  readable: true,
  namable: false,
  async status({ db }) {
    const link = await getActiveLink(syncStoreOf(db));
    return { available: !!link, detail: link ? link.serverUrl : null };
  },
  async open(_s, { db, setId, fetch }) {
    const link = await getActiveLink(syncStoreOf(db));
    if (!link || setId === null) return null;
    return {
      destination: httpDestination({ baseUrl: link.serverUrl, setId, token: link.token, fetch }),
      prepare: async () => true,
      finish: async () => {},
    };
  },
};
