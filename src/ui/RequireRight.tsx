// Shows its children only to an operator holding `right`; otherwise offers the supervisor PIN.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './AppContext';
import type { Right } from '@model';
import { SupervisorPrompt } from './SupervisorPrompt';

export function RequireRight({ right, children }: { right: Right; children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [granted, setGranted] = useState(false);
  const [asking, setAsking] = useState(false);
  if (role.rights.includes(right) || granted) return <>{children}</>;
  return (
    <div className="card stack">
      <p>{t('rights.missing', { right: t(`rights.names.${right}`) })}</p>
      <button type="button" onClick={() => setAsking(true)}>
        {t('rights.askSupervisor')}
      </button>
      {asking && <SupervisorPrompt right={right} onGranted={() => setGranted(true)} onClose={() => setAsking(false)} />}
    </div>
  );
}
