// Tills: pair a new one with a sync code; list them with last contact, app version and pending
// pushes; revoke one (confirmed); the off-site backup sets they keep here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Till } from '../apiSchemas';
import { ConfirmMutation } from '../components/ConfirmDialog';
import { QueryState } from '../components/QueryState';
import { SyncCodeCard } from '../components/SyncCodeCard';
import { useRevokeTill, useTills } from '../hooks/useTills';
import { BackupsPanel } from './BackupsPanel';

export function TillsPage() {
  const { t, i18n } = useTranslation('admin');
  const tills = useTills();
  const revoke = useRevokeTill();
  const [revoking, setRevoking] = useState<Till | null>(null);
  const [revoked, setRevoked] = useState(false);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('tills.never'));
  const items = tills.data ?? [];
  return (
    <>
      <h1>{t('tills.title')}</h1>
      <SyncCodeCard />
      <section className="panel" aria-labelledby="tills-list">
        <h2 id="tills-list">{t('tills.list')}</h2>
        <p role="status" className="status">
          {revoked ? t('status.revoked') : ''}
        </p>
        <QueryState query={tills} isEmpty={items.length === 0} empty={t('tills.empty')}>
          <div className="table-wrap">
            <table aria-labelledby="tills-list">
              <thead>
                <tr>
                  <th scope="col">{t('tills.deviceName')}</th>
                  <th scope="col">{t('tills.lastSeenAt')}</th>
                  <th scope="col">{t('tills.appVersion')}</th>
                  <th scope="col" className="num">
                    {t('tills.pending')}
                  </th>
                  <th scope="col">{t('tills.createdAt')}</th>
                  <th scope="col">{t('tills.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((till) => (
                  <tr key={till.id} className={till.revoked ? 'muted' : undefined}>
                    <td>
                      {till.deviceName} {till.code ? <small>({till.code})</small> : null}
                    </td>
                    <td>{when(till.lastSeenAt)}</td>
                    <td>{till.appVersion ?? t('common.none')}</td>
                    <td className="num">{till.pending ?? t('common.none')}</td>
                    <td>{when(till.createdAt)}</td>
                    <td>{till.revoked ? t('tills.revoked') : t('tills.active')}</td>
                    <td>
                      {!till.revoked && (
                        <button type="button" className="danger" aria-label={`${t('tills.revoke')} ${till.deviceName}`} onClick={() => setRevoking(till)}>
                          {t('tills.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </QueryState>
      </section>
      <BackupsPanel tills={items} />
      {revoking && (
        <ConfirmMutation
          message={t('tills.revokeConfirm', { name: revoking.deviceName })}
          confirmLabel={t('tills.revoke')}
          mutation={revoke}
          variables={revoking.id}
          onClose={() => setRevoking(null)}
          onDone={() => setRevoked(true)}
        />
      )}
    </>
  );
}
