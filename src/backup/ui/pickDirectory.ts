// Asks the manager for a directory (USB stick, disk folder) through the File System Access API.
//
// TEST HOOK: headless end-to-end tests cannot click the native picker, so when
// `window.__posTestBackupHandle` holds a FileSystemDirectoryHandle (e.g. an OPFS folder from
// `(await navigator.storage.getDirectory()).getDirectoryHandle('stick1', { create: true })`),
// every "Choose folder" / "Browse…" / "Add a folder" button uses it instead of calling
// `showDirectoryPicker`. Nothing sets it in production.
import type { DirectoryHandleLike } from '../destinations/handle';

declare global {
  interface Window {
    __posTestBackupHandle?: DirectoryHandleLike;
  }
}

type PickerWindow = { showDirectoryPicker?: (o?: { mode?: 'read' | 'readwrite'; id?: string }) => Promise<DirectoryHandleLike> };

/** Whether a folder can be chosen here (a real picker, or the test hook). */
export function canPickDirectory(w: Window = window): boolean {
  return !!w.__posTestBackupHandle || typeof (w as unknown as PickerWindow).showDirectoryPicker === 'function';
}

/** The chosen handle, or null when the manager cancelled (AbortError) or no picker exists. */
export async function pickDirectory(mode: 'read' | 'readwrite', w: Window = window): Promise<DirectoryHandleLike | null> {
  if (w.__posTestBackupHandle) return w.__posTestBackupHandle;
  const picker = (w as unknown as PickerWindow).showDirectoryPicker;
  if (!picker) return null;
  try {
    return await picker.call(w, { mode, id: 'pos-backup' });
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') return null;
    throw e;
  }
}
