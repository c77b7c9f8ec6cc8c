// Operator login and supervisor authorisation against the local operators table (offline).
import type { OrgDatabase } from './schema';
import type { Operator, Right, Role } from '@model';
import { verifyPin } from '@model';

export type LoginResult = { ok: true; operator: Operator; role: Role } | { ok: false; reason: 'wrong-pin' | 'inactive' | 'no-role' };

export async function loginWithPin(db: OrgDatabase, operatorId: string, pin: string): Promise<LoginResult> {
  const operator = await db.operators.get(operatorId);
  if (!operator || !(await verifyPin(pin, operator))) return { ok: false, reason: 'wrong-pin' };
  if (!operator.active) return { ok: false, reason: 'inactive' };
  const role = await db.roles.get(operator.roleId);
  if (!role) return { ok: false, reason: 'no-role' };
  return { ok: true, operator, role };
}

export type SupervisorResult = { ok: true; supervisor: Operator } | { ok: false; reason: 'wrong-pin' };

/** Finds an active operator holding `right` whose PIN matches; only those are hashed against. */
export async function authorizeSupervisor(db: OrgDatabase, pin: string, right: Right): Promise<SupervisorResult> {
  const roles = (await db.roles.toArray()).filter((r) => r.rights.includes(right)).map((r) => r.id);
  const candidates = await db.operators.where('roleId').anyOf(roles).toArray();
  for (const op of candidates) {
    if (op.active && (await verifyPin(pin, op))) return { ok: true, supervisor: op };
  }
  return { ok: false, reason: 'wrong-pin' };
}
