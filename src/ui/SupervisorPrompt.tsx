// The supervisor PIN prompt: a missing right is granted for one action by a PIN whose role has it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './AppContext';
import type { Operator, Right } from '@model';
import { authorizeSupervisor } from '../db/auth';
import { PinPad } from './PinPad';
import { Dialog } from './Dialog';

export function SupervisorPrompt({ right, onGranted, onClose }: { right: Right; onGranted(supervisor: Operator): void; onClose(): void }) {
  const { t } = useTranslation();
  const { db } = useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(pin: string) {
    setBusy(true);
    const r = await authorizeSupervisor(db, pin, right);
    setBusy(false);
    if (r.ok) {
      onGranted(r.supervisor);
      onClose();
    } else setError(t('rights.supervisorRefused'));
  }

  return (
    <Dialog title={t('rights.supervisorTitle')} onClose={onClose} testId="supervisor-prompt">
      <p>{t('rights.supervisorFor', { right: t(`rights.names.${right}`) })}</p>
      <PinPad label={t('rights.supervisorPin')} onSubmit={(pin) => void submit(pin)} error={error} busy={busy} />
    </Dialog>
  );
}
