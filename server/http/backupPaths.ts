// Which URLs of the off-site backup copy are valid: a set id and a path of the repository tree
// (docs/backup-format.md, "Tree"). Anything else — '..', unknown names, deeper folders,
// undecodable escapes — is refused before the database is touched.
export type BackupTarget =
  | { kind: 'file'; setId: string; path: string }
  | { kind: 'dir'; setId: string; dir: '' | 'manifests' | 'packs' };

const SET_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ROOT_FILES = new Set(['BACKUP.json', 'MEDIUM.json', 'key.age', 'HEAD']);
const DIRS = new Set(['manifests', 'packs']);
const HASH_NAME = /^[0-9a-f]{64}$/;

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Parses what follows `/api/v1/backup/` in the raw (still encoded) URL path; null = bad path. */
export function parseBackupTarget(rest: string): BackupTarget | null {
  const segments = rest.split('/').map(decodeSegment);
  if (segments.some((s) => s === null)) return null;
  const [setId, ...parts] = segments as string[];
  if (!setId || !SET_ID.test(setId) || parts.length === 0) return null;
  const last = parts[parts.length - 1];
  if (last === '') {
    // Trailing slash: a listing of the root or of one folder.
    const dirParts = parts.slice(0, -1);
    if (dirParts.length === 0) return { kind: 'dir', setId, dir: '' };
    const dir = dirParts[0];
    if (dirParts.length === 1 && dir && DIRS.has(dir)) return { kind: 'dir', setId, dir: dir as 'manifests' | 'packs' };
    return null;
  }
  if (parts.length === 1 && last && ROOT_FILES.has(last)) return { kind: 'file', setId, path: last };
  const [dir, name] = parts;
  if (parts.length === 2 && dir && name && DIRS.has(dir) && HASH_NAME.test(name)) return { kind: 'file', setId, path: `${dir}/${name}` };
  return null;
}
