// Catches a keyboard-wedge scanner anywhere on a screen: digits (or a receipt code) typed in a
// quick burst and ended by Enter, while no text field has the focus. Fields that opt in with
// data-scan-target (the search box) hand their Enter over as a scan too.
import { useEffect, useRef } from 'react';

const MAX_GAP_MS = 80;
const MIN_LENGTH = 4;

export interface ScanBuffer {
  text: string;
  lastAt: number;
}

/** Pure step of the wedge detector: returns the new buffer and, on Enter, the scanned code. */
export function feedScanKey(buf: ScanBuffer, key: string, at: number): { buf: ScanBuffer; code: string | null } {
  const fresh = at - buf.lastAt > MAX_GAP_MS ? '' : buf.text;
  if (key === 'Enter') {
    const code = fresh.length >= MIN_LENGTH ? fresh : null;
    return { buf: { text: '', lastAt: at }, code };
  }
  if (key.length === 1 && /[0-9A-Za-z:-]/.test(key)) return { buf: { text: fresh + key, lastAt: at }, code: null };
  return { buf: { text: '', lastAt: at }, code: null };
}

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit'].includes(type);
  }
  return (el as HTMLElement).isContentEditable;
}

export function useBarcodeScanner(onScan: (code: string) => void, enabled = true): void {
  const buf = useRef<ScanBuffer>({ text: '', lastAt: 0 });
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (isTextField(document.activeElement)) return;
      const { buf: next, code } = feedScanKey(buf.current, e.key, e.timeStamp);
      buf.current = next;
      if (code) {
        e.preventDefault();
        handler.current(code);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
