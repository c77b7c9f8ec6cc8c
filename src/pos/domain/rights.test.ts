import { describe, expect, it } from 'vitest';
import { RIGHTS } from '@model';
import { authorize, authorizeWithSupervisor, can, isRight, requireRight } from './rights';

const cashier = { rights: ['sell', 'openDrawer'] as const };
const manager = { rights: [...RIGHTS] };

describe('rights', () => {
  it.each([
    [cashier, 'sell', true],
    [cashier, 'refund', false],
    [manager, 'closeShift', true],
    [null, 'sell', false],
    [undefined, 'sell', false],
    [{ rights: [] }, 'sell', false],
  ] as const)('can(%j, %s) = %s', (role, right, expected) => {
    expect(can(role, right)).toBe(expected);
  });

  it('answers missing-right with the right that was missing', () => {
    expect(requireRight(cashier, 'sell')).toEqual({ ok: true });
    expect(requireRight(cashier, 'discount')).toEqual({ ok: false, reason: 'missing-right', right: 'discount' });
  });

  it.each([
    ['a manager authorises', manager, { ok: true }],
    ['a cashier cannot authorise', cashier, { ok: false, reason: 'missing-right', right: 'refund' }],
    ['nobody cannot authorise', null, { ok: false, reason: 'missing-right', right: 'refund' }],
  ] as const)('supervisor override: %s', (_name, supervisor, expected) => {
    expect(authorizeWithSupervisor('refund', supervisor)).toEqual(expected);
  });

  it.each([
    ['operator has it', cashier, undefined, { ok: true, by: 'operator' }],
    ['supervisor steps in', cashier, manager, { ok: true, by: 'supervisor' }],
    ['neither has it', cashier, cashier, { ok: false, reason: 'missing-right', right: 'voidLine' }],
  ] as const)('authorize: %s', (_name, operator, supervisor, expected) => {
    const right = expected.ok && expected.by === 'operator' ? 'sell' : 'voidLine';
    expect(authorize(right, operator, supervisor)).toEqual(expected);
  });

  it.each([
    ['refund', true],
    ['fly', false],
    ['', false],
  ])('isRight(%j) = %s', (value, expected) => {
    expect(isRight(value)).toBe(expected);
  });
});
