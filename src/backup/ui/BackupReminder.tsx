// The "no backup for a day" banner (unless backups are made outside or suspended). The lead can
// put it in the frame; the backup screen shows it too.
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import { navigate } from '../../ui/routing';
import { isReminderDue } from '../settings';
import { useBackupHistory } from './hooks/useBackupHistory';
import { useBackupSettings } from './hooks/useBackupSettings';
import './backup.css';

export function BackupReminder({ withAction = true }: { withAction?: boolean }) {
  const { t } = useTranslation();
  const { clock } = useApp();
  const settings = useBackupSettings();
  const history = useBackupHistory();
  if (!settings || !history) return null;
  const lastOk = history.find((h) => h.ok) ?? null;
  if (!isReminderDue(settings, lastOk?.finishedAt ?? lastOk?.startedAt ?? null, clock.now())) return null;
  return (
    <div className="backup-reminder" role="alert" data-testid="backup-reminder">
      <span>{t('backup.reminder.text')}</span>
      {withAction && (
        <button type="button" className="primary" onClick={() => navigate({ name: 'backup' })}>
          {t('backup.reminder.action')}
        </button>
      )}
    </div>
  );
}
