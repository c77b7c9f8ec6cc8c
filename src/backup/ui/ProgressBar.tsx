// Progress of a long backup action: phase label and a bar (indeterminate until totals are known).
import { useTranslation } from 'react-i18next';
import type { Progress } from '../format/types';

export function ProgressBar({ progress, label }: { progress: Progress | null; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="backup-progress" role="status" aria-live="polite" data-testid="backup-progress">
      <span>
        {label}
        {progress ? ` — ${t(`backup.phase.${progress.phase}`)}` : ''}
      </span>
      {progress && progress.total > 0 ? <progress max={progress.total} value={progress.done} /> : <progress />}
    </div>
  );
}
