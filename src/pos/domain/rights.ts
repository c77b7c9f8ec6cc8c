// Who may do what: an operator's role grants rights (entities.RIGHTS); an action the operator may
// not do can be authorised on the spot by a supervisor whose role has the right.
import { RIGHTS, type Right } from '@model';

export type { Right };

/** A role, or anything carrying its rights (readonly arrays accepted). */
export type RoleLike = { readonly rights: readonly Right[] };

export type Authorization = { ok: true } | { ok: false; reason: 'missing-right'; right: Right };

export function isRight(value: string): value is Right {
  return (RIGHTS as readonly string[]).includes(value);
}

/** Whether the role grants the right; no role (nobody logged in) grants nothing. */
export function can(role: RoleLike | null | undefined, right: Right): boolean {
  return role?.rights.includes(right) ?? false;
}

/** The operator's own authorisation for an action. */
export function requireRight(operatorRole: RoleLike | null | undefined, right: Right): Authorization {
  return can(operatorRole, right) ? { ok: true } : { ok: false, reason: 'missing-right', right };
}

/** A supervisor's override (after their PIN was checked elsewhere): their role must grant it. */
export function authorizeWithSupervisor(right: Right, supervisorRole: RoleLike | null | undefined): Authorization {
  return requireRight(supervisorRole, right);
}

/**
 * The operator's right, or failing it the supervisor's override when one is given: the till asks
 * for a supervisor PIN when this answers missing-right and no supervisor was given yet.
 */
export function authorize(
  right: Right,
  operatorRole: RoleLike | null | undefined,
  supervisorRole?: RoleLike | null,
): Authorization & { by?: 'operator' | 'supervisor' } {
  if (can(operatorRole, right)) return { ok: true, by: 'operator' };
  if (supervisorRole && can(supervisorRole, right)) return { ok: true, by: 'supervisor' };
  return { ok: false, reason: 'missing-right', right };
}
