// @vitest-environment jsdom
// The back office as the backup medium on the daily backup screen: offered only with an active
// link, runs go to /api/v1/backup/{setId}/…, the history names the medium, quick verify reads it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { RegistryDatabase, type OrganizationEntry, type OrgDatabase } from '../../db/schema';
import { LINK_KEY, type TillLink } from '../../sync/engine/link';
import { en } from '../i18n/en';
import { freshDb, seedOrg } from '../test-fixtures';
import { BackupScreen } from './BackupScreen';
import { initTestI18n, managerApp, Wrapper } from './testing';

const BO = 'https://bo.example';
const files = new Map<string, Uint8Array>();
const server = setupServer(
  http.all(`${BO}/api/v1/backup/*`, async ({ request }) => {
    if (request.headers.get('authorization') !== 'Bearer till-token') return HttpResponse.json({ error: { code: 'unauthorized', message: '' } }, { status: 401 });
    const path = new URL(request.url).pathname.slice('/api/v1/backup/'.length).split('/').map(decodeURIComponent).join('/');
    if (request.method === 'PUT') {
      files.set(path, new Uint8Array(await request.arrayBuffer()));
      return new HttpResponse(null, { status: 204 });
    }
    if (request.method === 'DELETE') return new HttpResponse(null, { status: files.delete(path) ? 204 : 404 });
    if (path.endsWith('/')) {
      const inside = [...files].filter(([k]) => k.startsWith(path) && !k.slice(path.length).includes('/'));
      return HttpResponse.json({ files: inside.map(([k, v]) => ({ name: k.slice(path.length), size: v.length })) });
    }
    const bytes = files.get(path);
    return bytes ? new HttpResponse(bytes as Uint8Array<ArrayBuffer>) : new HttpResponse(null, { status: 404 });
  }),
);

const org: OrganizationEntry = { id: 'org-bo', name: 'Alpha', dbName: 'x', createdAt: '2026-01-01T00:00:00Z', kind: 'paired', stores: [{ id: 's1', name: 'North' }] };
const link = (unpairedAt: string | null): TillLink => ({
  serverUrl: BO, tillId: 't1', token: 'till-token', tillCode: 'T1', organization: { id: org.id, name: org.name }, stores: org.stores, pairedAt: '2026-11-01T00:00:00Z', unpairedAt,
});

let db: OrgDatabase;
let registry: RegistryDatabase;
beforeAll(async () => {
  await initTestI18n();
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());
beforeEach(async () => {
  files.clear();
  db = freshDb();
  registry = new RegistryDatabase(`reg-${Math.random().toString(36).slice(2)}`);
  await seedOrg(db, { articles: 20, receipts: 5 });
});
afterEach(async () => {
  cleanup();
  await db.delete();
  await registry.delete();
});

const renderScreen = () => render(<Wrapper value={managerApp(db, registry, { ...org, id: db.name })}><BackupScreen /></Wrapper>);

// Queries go by role and accessible name (the English strings of ../i18n/en): the medium is the
// sentence the screen shows for it, the history a table named "History".
const useBackOffice = 'Use the back office (off-site copy)';
const bodyRows = (table: HTMLElement) => within(within(table).getAllByRole('rowgroup')[1]!).getAllByRole('row');

describe('back office as the backup medium', () => {
  it('is not offered to a till without a link', async () => {
    renderScreen();
    await screen.findByRole('heading', { name: en.setup.title });
    expect(screen.getByText(en.medium.download)).toBeTruthy();
    expect(screen.queryByText(en.medium.backOffice)).toBeNull();
    expect(screen.queryByRole('button', { name: useBackOffice })).toBeNull();
  });

  it('runs the backup to the back office, lists it in the history and verifies it there', async () => {
    await db.settings.put({ key: LINK_KEY, value: link(null) });
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: useBackOffice }));
    await screen.findByText(en.medium.backOffice);
    expect(screen.queryByText(en.medium.download)).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Back up without encryption' }));
    fireEvent.click(screen.getByRole('button', { name: 'I understand, back up without encryption' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Run backup' }));
    await screen.findByText(/^Backup finished: /, {}, { timeout: 10_000 });
    const setId = (await db.backupSettings.get('backup'))?.set as { setId: string };
    expect([...files.keys()]).toContain(`${setId.setId}/HEAD`);
    expect([...files.keys()].some((k) => k.startsWith(`${setId.setId}/packs/`))).toBe(true);
    await waitFor(() => expect(within(bodyRows(screen.getByRole('table', { name: 'History' }))[0]!).getAllByRole('cell')[1]?.textContent).toBe('Back office (off-site copy)'));
    fireEvent.click(screen.getByRole('button', { name: 'Quick check' }));
    expect((await screen.findByText(/^Backup checked: /, {}, { timeout: 10_000 })).getAttribute('role')).toBe('status');
  });

  it('falls back to the download and says so when the chosen back office unpaired the till', async () => {
    await db.settings.put({ key: LINK_KEY, value: link('2026-11-20T00:00:00Z') });
    await db.settings.put({ key: 'backupMedium', value: 'back-office' });
    renderScreen();
    expect((await screen.findByText(en.medium.backOfficeUnlinked)).getAttribute('role')).toBe('alert');
    expect(screen.getByText(en.medium.download)).toBeTruthy();
    expect(screen.queryByRole('button', { name: useBackOffice })).toBeNull();
  });
});
