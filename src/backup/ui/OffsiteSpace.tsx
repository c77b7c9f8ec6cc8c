// The back office medium's space: how much of this till's quota its off-site sets use (asked
// again after each run). Nothing is shown while the back office cannot be reached.
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../ui/format';
import { useOffsiteListing } from './hooks/useOffsiteListing';

export function OffsiteSpace({ runs }: { runs: number }) {
  const { t, i18n } = useTranslation();
  const { listing } = useOffsiteListing(true, runs);
  if (!listing.data) return null;
  const { usedBytes, limitBytes } = listing.data.quota;
  return (
    <p className={usedBytes > limitBytes * 0.9 ? 'error' : 'muted'} data-testid="offsite-space">
      {t('backup.medium.backOfficeSpace', { used: formatBytes(usedBytes, i18n.language), limit: formatBytes(limitBytes, i18n.language) })}
    </p>
  );
}
