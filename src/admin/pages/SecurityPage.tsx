// Password & sessions: change the admin password; the browsers logged in (when, from where, which
// one is this), each revocable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSession } from '../apiSchemas';
import { ConfirmMutation } from '../components/ConfirmDialog';
import { PasswordForm } from '../components/PasswordForm';
import { QueryState } from '../components/QueryState';
import { useRevokeSession, useSessions } from '../hooks/useAuth';

export function SecurityPage() {
  const { t, i18n } = useTranslation('admin');
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const [revoking, setRevoking] = useState<AdminSession | null>(null);
  const [revoked, setRevoked] = useState(false);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('common.none'));
  const items = sessions.data ?? [];
  return (
    <>
      <h1>{t('nav.security')}</h1>
      <section className="panel" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('password.title')}</h2>
        <PasswordForm />
      </section>
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        <p>{t('sessions.intro')}</p>
        <p role="status" className="status">
          {revoked ? t('sessions.revoked') : ''}
        </p>
        <QueryState query={sessions} isEmpty={items.length === 0} empty={t('sessions.empty')}>
          <div className="table-wrap">
            <table aria-labelledby="sessions-title">
              <thead>
                <tr>
                  <th scope="col">{t('sessions.createdAt')}</th>
                  <th scope="col">{t('sessions.lastSeenAt')}</th>
                  <th scope="col">{t('sessions.clientIp')}</th>
                  <th scope="col">{t('sessions.userAgent')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>{when(s.createdAt)}</td>
                    <td>{when(s.lastSeenAt)}</td>
                    <td>{s.clientIp ?? t('sessions.unknown')}</td>
                    <td>
                      <small>{s.userAgent ?? t('sessions.unknown')}</small>
                    </td>
                    <td>
                      {s.current ? (
                        <strong>{t('sessions.current')}</strong>
                      ) : (
                        <button
                          type="button"
                          className="danger"
                          aria-label={t('sessions.revokeLabel', { address: s.clientIp ?? t('sessions.unknown'), when: when(s.createdAt) })}
                          onClick={() => setRevoking(s)}
                        >
                          {t('sessions.revoke')}
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
      {revoking && (
        <ConfirmMutation
          message={t('sessions.revokeConfirm', { address: revoking.clientIp ?? t('sessions.unknown') })}
          confirmLabel={t('sessions.revoke')}
          mutation={revoke}
          variables={revoking.id}
          onClose={() => setRevoking(null)}
          onDone={() => setRevoked(true)}
        />
      )}
    </>
  );
}
