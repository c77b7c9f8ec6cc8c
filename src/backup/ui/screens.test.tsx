// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RegistryDatabase, type OrganizationEntry, type OrgDatabase } from '../../db/schema';
import { exportOrganizations } from '../export';
import { en } from '../i18n/en';
import { inlineCodec } from '../format/codec';
import { freshDb, seedOrg, stepClock } from '../test-fixtures';
import { BackupScreen } from './BackupScreen';
import { ExportWizard } from './ExportWizard';
import { OrganizationsScreen } from './OrganizationsScreen';
import { RestoreWizard } from './RestoreWizard';
import { initTestI18n, managerApp, Wrapper } from './testing';

let db: OrgDatabase;
let registry: RegistryDatabase;
const orgA: OrganizationEntry = { id: 'org-a', name: 'Alpha', dbName: 'x', createdAt: '2026-01-01T00:00:00Z', kind: 'demo', stores: [{ id: 's1', name: 'North' }, { id: 's2', name: 'South' }] };
const orgB: OrganizationEntry = { id: 'org-b', name: 'Beta', dbName: 'y', createdAt: '2026-01-02T00:00:00Z', kind: 'paired', stores: [{ id: 's3', name: 'East' }] };

beforeAll(initTestI18n);
beforeEach(async () => {
  db = freshDb();
  registry = new RegistryDatabase(`reg-${Math.random().toString(36).slice(2)}`);
  await registry.organizations.bulkPut([orgA, orgB]);
});
afterEach(async () => {
  cleanup();
  await db.delete();
  await registry.delete();
});

// Queries go by role and accessible name (the English strings of ../i18n/en), as a person finds
// things; they double as checks that every control is named.
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
/** The wizard step a person sees: its heading. */
const onStep = (heading: string) => expect(screen.getByRole('heading', { level: 3, name: heading })).toBeTruthy();
const orgList = () => screen.getByRole('list', { name: en.export.orgs });
const checked = (list: HTMLElement) => within(list).queryAllByRole('checkbox', { checked: true });
/** The body rows of a table (its second row group; the first holds the column headers). */
const bodyRows = (table: HTMLElement) => within(within(table).getAllByRole('rowgroup')[1]!).getAllByRole('row');

describe('export wizard', () => {
  it('asks for companies only when exactly one organization is selected', async () => {
    render(<Wrapper value={managerApp(db, registry, orgA)}><ExportWizard initialOrgIds={['org-a']} onClose={() => undefined} /></Wrapper>);
    await screen.findByRole('list', { name: en.export.orgs });
    fireEvent.click(button('Next'));
    onStep(en.export.stores);
    expect(checked(screen.getByRole('list', { name: en.export.stores })).map((c) => c.parentElement?.textContent)).toEqual(['North', 'South']);
    fireEvent.click(button('Back'));
    fireEvent.contextMenu(orgList());
    expect(checked(orgList())).toHaveLength(2);
    fireEvent.click(button('Next'));
    onStep(en.export.settings);
  });

  it('blocks Next on an unconfirmed password and on an empty selection', async () => {
    render(<Wrapper value={managerApp(db, registry, orgA)}><ExportWizard initialOrgIds={['org-a', 'org-b']} onClose={() => undefined} /></Wrapper>);
    await screen.findByRole('list', { name: en.export.orgs });
    fireEvent.contextMenu(orgList());
    expect(checked(orgList())).toHaveLength(0);
    expect(button('Next').disabled).toBe(true);
    fireEvent.contextMenu(orgList());
    fireEvent.click(button('Next'));
    fireEvent.change(screen.getByLabelText('Password (optional)'), { target: { value: 'longpassword' } });
    fireEvent.change(screen.getByLabelText('Confirm the password'), { target: { value: 'longpassworX' } });
    expect(button('Next').disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Confirm the password'), { target: { value: 'longpassword' } });
    fireEvent.click(button('Next'));
    onStep(en.export.summary);
  });
});

describe('restore wizard', () => {
  it('refuses a wrong password with its reason, then previews and restores with the right one', async () => {
    const source = freshDb('src');
    await seedOrg(source, { articles: 30, receipts: 10, clients: 5 });
    const file = await exportOrganizations([{ db: source, organization: { id: 'org-a', name: 'Alpha' }, stores: [] }], { codec: inlineCodec, clock: stepClock(), password: 'right-password', scryptLogN: 10 });
    if (!file.ok) throw new Error(file.reason);
    render(<Wrapper value={managerApp(db, registry, { ...orgA, id: db.name })}><RestoreWizard /></Wrapper>);
    await screen.findByRole('group', { name: 'Restore into which organization?' });
    fireEvent.click(button('Next'));
    const input = screen.getByLabelText<HTMLInputElement>('A .posbackup file');
    fireEvent.change(input, { target: { files: [new File([file.value as Uint8Array<ArrayBuffer>], 'a.posbackup')] } });
    await screen.findByText('Folder: a.posbackup');
    fireEvent.click(button('Next'));
    fireEvent.change(screen.getByLabelText('Password or recovery key'), { target: { value: 'wrong-password' } });
    fireEvent.click(button('Check the backup'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(en.reason['wrong-password']));
    expect(await db.articles.count()).toBe(0);
    fireEvent.change(screen.getByLabelText('Password or recovery key'), { target: { value: 'right-password' } });
    fireEvent.click(button('Check the backup'));
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }, { timeout: 10_000 }));
    const catalog = within(screen.getByRole('table')).getByRole('row', { name: /^Catalog / });
    expect(within(catalog).getAllByRole('cell')[1]?.textContent).not.toBe('0');
    expect(await db.articles.count()).toBe(0);
    fireEvent.click(button('Restore'));
    const done = await screen.findByText(/^\d+ rows restored into “Alpha”\.$/, {}, { timeout: 10_000 });
    expect(done.getAttribute('role')).toBe('status');
    expect(await db.articles.count()).toBe(await source.articles.count());
    await source.delete();
  });

  it('says a damaged file is damaged and changes nothing', async () => {
    render(<Wrapper value={managerApp(db, registry, { ...orgA, id: db.name })}><RestoreWizard /></Wrapper>);
    await screen.findByRole('group', { name: 'Restore into which organization?' });
    fireEvent.click(button('Next'));
    fireEvent.change(screen.getByLabelText('A .posbackup file'), { target: { files: [new File([new Uint8Array([80, 75, 3, 4, 1, 2, 3])], 'x.posbackup')] } });
    await waitFor(() => expect([en.reason.damaged, en.reason['no-backup']]).toContain(screen.getByRole('alert').textContent));
    expect(button('Next').disabled).toBe(true);
  });
});

describe('daily backup screen', () => {
  // Stored handles go through IndexedDB's structured clone, which keeps a real
  // FileSystemDirectoryHandle but not a test class; the folder path is checked in Chromium.
  it('sets up an explicitly unencrypted set, downloads a backup where no picker exists and lists it', async () => {
    await seedOrg(db, { articles: 20, receipts: 5 });
    const downloads: string[] = [];
    const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      downloads.push(this.download);
    };
    try {
      render(<Wrapper value={managerApp(db, registry, { ...orgA, id: db.name })}><BackupScreen /></Wrapper>);
      await screen.findByRole('heading', { name: en.setup.title });
      expect((await screen.findByText(en.reminder.text)).closest('[role=alert]')).not.toBeNull();
      expect(screen.queryByRole('button', { name: 'Choose folder' })).toBeNull();
      expect(button('Create the backup set').disabled).toBe(true);
      fireEvent.click(screen.getByRole('checkbox', { name: 'Back up without encryption' }));
      expect(screen.getByText(en.setup.unencryptedWarn).getAttribute('role')).toBe('alert');
      fireEvent.click(button('I understand, back up without encryption'));
      fireEvent.click(await screen.findByRole('button', { name: 'Run backup' }));
      expect((await screen.findByText(/^Backup finished: /, {}, { timeout: 10_000 })).getAttribute('role')).toBe('status');
      expect(downloads).toEqual(['alpha-2026-11-23.posbackup']);
      await waitFor(() => expect(bodyRows(screen.getByRole('table', { name: 'History' }))).toHaveLength(1));
      await waitFor(() => expect(screen.queryByText(en.reminder.text)).toBeNull());
    } finally {
      Object.assign(URL, { createObjectURL: saved.create, revokeObjectURL: saved.revoke });
      HTMLAnchorElement.prototype.click = saved.click;
    }
  });
});

describe('organizations screen', () => {
  it('opens the same menu from right-click and "…": Back up preselects, Restore into hands the target over', async () => {
    render(<Wrapper value={managerApp(db, registry, orgA)}><OrganizationsScreen /></Wrapper>);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    fireEvent.contextMenu(within(items[1]!).getByText('Beta'));
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem')).toHaveLength(3);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Back up' }));
    const orgs = await screen.findByRole('list', { name: en.export.orgs });
    expect(checked(orgs)).toEqual([within(orgs).getByRole('checkbox', { name: 'Beta' })]);
    fireEvent.click(button('Cancel'));
    fireEvent.click(await screen.findByRole('button', { name: 'More actions for Alpha' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Restore into' }));
    expect(sessionStorage.getItem('pos.backup.restoreTarget')).toBe('org-a');
    expect(window.location.hash).toBe('#/restore');
  });
});
