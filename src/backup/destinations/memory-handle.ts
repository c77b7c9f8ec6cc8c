// An in-memory directory handle with File System Access semantics: a writable buffers its
// bytes and swaps them in only on close(), like Chromium's; abort() leaves the old file.
import { domError, type DirectoryHandleLike, type FileHandleLike, type FileLike, type WritableLike } from './handle';

class MemoryFileHandle implements FileHandleLike {
  readonly kind = 'file' as const;
  data = new Uint8Array(0);
  constructor(readonly name: string) {}

  async getFile(): Promise<FileLike> {
    const snapshot = this.data;
    return { size: snapshot.length, arrayBuffer: async () => snapshot.slice().buffer };
  }

  async createWritable(options?: { keepExistingData?: boolean }): Promise<WritableLike> {
    let parts: Uint8Array[] = options?.keepExistingData ? [this.data.slice()] : [];
    let open = true;
    return {
      write: async (d) => {
        if (!open) throw domError('InvalidStateError');
        parts.push(d.slice());
      },
      close: async () => {
        if (!open) throw domError('InvalidStateError');
        open = false;
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        this.data = out;
      },
      abort: async () => {
        open = false;
        parts = [];
      },
    };
  }
}

export class MemoryDirectoryHandle implements DirectoryHandleLike {
  readonly kind = 'directory' as const;
  private readonly entries = new Map<string, MemoryFileHandle | MemoryDirectoryHandle>();
  /** Set when the folder was removed: like Chromium, a kept handle then fails with NotFoundError. */
  private removed = false;
  constructor(readonly name = '') {}

  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<MemoryDirectoryHandle> {
    if (this.removed) throw domError('NotFoundError');
    const e = this.entries.get(name);
    if (e instanceof MemoryDirectoryHandle) return e;
    if (e) throw domError('TypeMismatchError');
    if (!options?.create) throw domError('NotFoundError');
    const d = new MemoryDirectoryHandle(name);
    this.entries.set(name, d);
    return d;
  }

  async getFileHandle(name: string, options?: { create?: boolean }): Promise<MemoryFileHandle> {
    if (this.removed) throw domError('NotFoundError');
    const e = this.entries.get(name);
    if (e instanceof MemoryFileHandle) return e;
    if (e) throw domError('TypeMismatchError');
    if (!options?.create) throw domError('NotFoundError');
    const f = new MemoryFileHandle(name);
    this.entries.set(name, f);
    return f;
  }

  async removeEntry(name: string, options?: { recursive?: boolean }): Promise<void> {
    const e = this.entries.get(name);
    if (!e) throw domError('NotFoundError');
    if (e instanceof MemoryDirectoryHandle && e.entries.size > 0 && !options?.recursive) throw domError('InvalidModificationError');
    if (e instanceof MemoryDirectoryHandle) e.markRemoved();
    this.entries.delete(name);
  }

  private markRemoved(): void {
    this.removed = true;
    for (const e of this.entries.values()) if (e instanceof MemoryDirectoryHandle) e.markRemoved();
  }

  async *values(): AsyncIterable<MemoryFileHandle | MemoryDirectoryHandle> {
    if (this.removed) throw domError('NotFoundError');
    for (const e of [...this.entries.values()]) yield e;
  }

  async queryPermission(): Promise<PermissionState> {
    return 'granted';
  }

  async requestPermission(): Promise<PermissionState> {
    return 'granted';
  }
}
