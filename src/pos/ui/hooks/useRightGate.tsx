// Runs an action when the operator holds a right, or after a supervisor PIN grants it once.
import { useState, type ReactNode } from 'react';
import { useSession } from '../../../ui/AppContext';
import type { Right } from '@model';
import { can } from '../../domain';
import { SupervisorPrompt } from '../../../ui/SupervisorPrompt';

export function useRightGate(): { withRight(right: Right, action: () => void): void; prompt: ReactNode } {
  const { role } = useSession();
  const [pending, setPending] = useState<{ right: Right; action: () => void } | null>(null);
  return {
    withRight(right, action) {
      if (can(role, right)) action();
      else setPending({ right, action });
    },
    prompt: pending ? (
      <SupervisorPrompt right={pending.right} onGranted={() => pending.action()} onClose={() => setPending(null)} />
    ) : null,
  };
}
