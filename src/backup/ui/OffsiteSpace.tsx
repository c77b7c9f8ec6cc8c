// The back office medium's space: how much of this till's quota its off-site sets use (asked
// again after each run). Nothing is shown while the back office cannot be reached.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { getActiveLink } from '../../sync/engine/link';
import { listOffsiteSets } from '../destinations/http';
import { formatBytes } from './format';

export function OffsiteSpace({ runs }: { runs: number }) {
  const { t, i18n } = useTranslation();
  const { db, org } = useApp();
  const space = useQuery({
    queryKey: ['offsite-space', org.id, runs],
    queryFn: async () => {
      const link = await getActiveLink(db);
      return link ? (await listOffsiteSets({ baseUrl: link.serverUrl, token: link.token })).quota : null;
    },
    retry: false,
  });
  if (!space.data) return null;
  const { usedBytes, limitBytes } = space.data;
  return (
    <p className={usedBytes > limitBytes * 0.9 ? 'error' : 'muted'} data-testid="offsite-space">
      {t('backup.medium.backOfficeSpace', { used: formatBytes(usedBytes, i18n.language), limit: formatBytes(limitBytes, i18n.language) })}
    </p>
  );
}
