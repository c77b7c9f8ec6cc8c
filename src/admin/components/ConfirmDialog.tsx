// "Are you sure?" for destructive actions (delete, revoke), with the action's pending and error state.
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState';
import { Modal } from './Modal';

interface Props {
  message: string;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ message, confirmLabel, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('admin');
  return (
    <Modal title={t('common.confirm')} onClose={onCancel} role="alertdialog">
      <p>{message}</p>
      {error ? <ErrorState error={error} title={t('common.saveFailed')} /> : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

/** A ConfirmDialog wired to a mutation: Cancel resets it and closes; success closes, then reports. */
export function ConfirmMutation<V>({
  message,
  confirmLabel,
  mutation,
  variables,
  onClose,
  onDone,
}: {
  message: string;
  confirmLabel: string;
  mutation: UseMutationResult<unknown, unknown, V>;
  variables: V;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <ConfirmDialog
      message={message}
      confirmLabel={confirmLabel}
      busy={mutation.isPending}
      error={mutation.error}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      onConfirm={() =>
        mutation.mutate(variables, {
          onSuccess: () => {
            onClose();
            onDone();
          },
        })
      }
    />
  );
}
