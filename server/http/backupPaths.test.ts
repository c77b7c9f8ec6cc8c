import { describe, expect, it } from 'vitest';
import { parseBackupTarget } from './backupPaths';

const HASH = '0123456789abcdef'.repeat(4);

describe('backup tree paths', () => {
  it.each([
    ['s1/HEAD', { kind: 'file', setId: 's1', path: 'HEAD' }],
    ['s1/key.age', { kind: 'file', setId: 's1', path: 'key.age' }],
    [`s1/packs/${HASH}`, { kind: 'file', setId: 's1', path: `packs/${HASH}` }],
    [`s1/manifests/${HASH}`, { kind: 'file', setId: 's1', path: `manifests/${HASH}` }],
    ['s1/', { kind: 'dir', setId: 's1', dir: '' }],
    ['s1/packs/', { kind: 'dir', setId: 's1', dir: 'packs' }],
    ['s1/BACKUP%2Ejson', { kind: 'file', setId: 's1', path: 'BACKUP.json' }],
  ])('accepts %s', (rest, target) => {
    expect(parseBackupTarget(rest)).toEqual(target);
  });

  it.each([
    '', 's1', 's1/..', 's1/../HEAD', 's1/%2E%2E/HEAD', `s1/packs%2F${HASH}`, `s1/packs/${HASH.toUpperCase()}`, `s1/packs/${HASH}/x`,
    's1/packs/abc', 's1/other/', 's1/HEAD/', 's1/packs//', 's1/%E0%A4%A', 'a b/HEAD', `${'s'.repeat(65)}/HEAD`, '../s1/HEAD',
  ])('refuses %s', (rest) => {
    expect(parseBackupTarget(rest)).toBeNull();
  });
});
