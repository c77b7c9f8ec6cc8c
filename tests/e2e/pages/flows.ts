// Flows several end-to-end files share: pairing a tablet with a sync code, and a digest of an
// organization's IndexedDB tables to compare two tills' data.
import type { Page } from 'playwright-core';
import type { TillPage } from './TillPage';

/** Welcome screen → "Connect the till" → code → default periods; returns once operators synced. */
export async function pairWithCode(till: TillPage, url: string, code: string): Promise<void> {
  const { page } = till;
  await till.open(url);
  await page.getByRole('button', { name: 'Connect the till' }).click();
  await page.getByTestId('sync-code').fill(code);
  await page.getByTestId('connect-submit').click();
  await page.getByTestId('connect-established').waitFor();
  await page.getByTestId('periods-save').click();
  await page.getByRole('radio', { name: 'Alice' }).waitFor({ timeout: 60_000 });
  await till.waitForServiceWorker();
}

/** Daily backup screen, medium already chosen: password twice → recovery key shown once → first run. */
export async function setUpAndRunBackup(page: Page, password: string): Promise<void> {
  await page.getByTestId('setup-password').fill(password);
  await page.getByTestId('setup-confirm').fill(password);
  await page.getByTestId('setup-create').click();
  await page.getByTestId('recovery-key').waitFor({ timeout: 60_000 });
  await page.getByTestId('recovery-done').click();
  await page.getByTestId('run-backup').click();
  await page.getByTestId('run-done').waitFor({ timeout: 60_000 });
}

/** Row counts and a content digest of every table of an organization database. */
export async function tableDigest(page: Page, dbName: string, skip: string[] = []): Promise<Record<string, string>> {
  return page.evaluate(
    async ([name, skipped]) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(name as string);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const out: Record<string, string> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        if ((skipped as string[]).includes(store)) continue;
        const rows: unknown[] = await new Promise((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
        });
        const text = JSON.stringify(rows);
        const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        out[store] = `${rows.length}:${Array.from(new Uint8Array(hash).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
      }
      db.close();
      return out;
    },
    [dbName, skip] as const,
  );
}

/** Name of the one paired (or restored) organization database of this browser profile. */
export async function orgDbNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('pos-org-')));
}

/** One settings row of an organization database. */
export async function settingValue(page: Page, dbName: string, key: string): Promise<unknown> {
  return page.evaluate(
    async ([name, k]) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(name as string);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const row: { value?: unknown } | undefined = await new Promise((res) => {
        const r = db.transaction('settings').objectStore('settings').get(k as string);
        r.onsuccess = () => res(r.result as { value?: unknown } | undefined);
      });
      db.close();
      return row?.value;
    },
    [dbName, key] as const,
  );
}
