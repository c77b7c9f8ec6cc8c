// The subset of the File System Access API the engine uses, so a real directory handle
// (showDirectoryPicker, OPFS) and the in-memory handle of tests are interchangeable.
export interface FileLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export interface WritableLike {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
export interface FileHandleLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<FileLike>;
  createWritable(options?: { keepExistingData?: boolean }): Promise<WritableLike>;
}
export interface DirectoryHandleLike {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandleLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  values(): AsyncIterable<FileHandleLike | DirectoryHandleLike>;
  queryPermission?(d: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
}

/** A DOMException-like error with the name the platform uses (NotFoundError…). */
export function domError(name: string, message = name): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}
