// Browsers without directory pickers: the backup is built in memory and saved as one
// .posbackup file through a download link.
import { memoryDestination, type MemoryDestination } from './memory';

export function downloadDestination(): MemoryDestination {
  return memoryDestination('download');
}

/** Hands the bytes to the browser as a file download. */
export function saveAsDownload(bytes: Uint8Array | Blob, fileName: string, doc: Document = document): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const supportsDirectoryPicker = (w: object = globalThis): boolean => 'showDirectoryPicker' in w;
