// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RegistryDatabase, type OrganizationEntry, type OrgDatabase } from '../../db/schema';
import { exportOrganizations } from '../export';
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

const step = () => screen.getByTestId('export-wizard').dataset.step;

describe('export wizard', () => {
  it('asks for companies only when exactly one organization is selected', async () => {
    render(<Wrapper value={managerApp(db, registry, orgA)}><ExportWizard initialOrgIds={['org-a']} onClose={() => undefined} /></Wrapper>);
    await screen.findByTestId('export-orgs');
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(step()).toBe('stores');
    expect(screen.getByTestId('export-stores').querySelectorAll('input:checked')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('wizard-back'));
    fireEvent.contextMenu(screen.getByTestId('export-orgs'));
    expect(screen.getByTestId('export-orgs').querySelectorAll('input:checked')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(step()).toBe('settings');
  });

  it('blocks Next on an unconfirmed password and on an empty selection', async () => {
    render(<Wrapper value={managerApp(db, registry, orgA)}><ExportWizard initialOrgIds={['org-a', 'org-b']} onClose={() => undefined} /></Wrapper>);
    await screen.findByTestId('export-orgs');
    fireEvent.contextMenu(screen.getByTestId('export-orgs'));
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.contextMenu(screen.getByTestId('export-orgs'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.change(screen.getByTestId('export-password'), { target: { value: 'longpassword' } });
    fireEvent.change(screen.getByTestId('export-confirm'), { target: { value: 'longpassworX' } });
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('export-confirm'), { target: { value: 'longpassword' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(step()).toBe('summary');
  });
});

describe('restore wizard', () => {
  it('refuses a wrong password with its reason, then previews and restores with the right one', async () => {
    const source = freshDb('src');
    await seedOrg(source, { articles: 30, receipts: 10, clients: 5 });
    const file = await exportOrganizations([{ db: source, organization: { id: 'org-a', name: 'Alpha' }, stores: [] }], { codec: inlineCodec, clock: stepClock(), password: 'right-password', scryptLogN: 10 });
    if (!file.ok) throw new Error(file.reason);
    render(<Wrapper value={managerApp(db, registry, { ...orgA, id: db.name })}><RestoreWizard /></Wrapper>);
    await screen.findByTestId('restore-target');
    fireEvent.click(screen.getByTestId('wizard-next'));
    const input = screen.getByTestId('restore-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([file.value as Uint8Array<ArrayBuffer>], 'a.posbackup')] } });
    await screen.findByTestId('restore-source-chosen');
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.change(screen.getByTestId('restore-password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByTestId('restore-check'));
    await waitFor(() => expect(screen.getByTestId('backup-error').dataset.reason).toBe('wrong-password'));
    expect(await db.articles.count()).toBe(0);
    fireEvent.change(screen.getByTestId('restore-password'), { target: { value: 'right-password' } });
    fireEvent.click(screen.getByTestId('restore-check'));
    fireEvent.click(await screen.findByTestId('wizard-next', {}, { timeout: 10_000 }));
    expect(screen.getByTestId('preview-backup-catalog').textContent).not.toBe('0');
    expect(await db.articles.count()).toBe(0);
    fireEvent.click(screen.getByTestId('restore-confirm'));
    await screen.findByTestId('restore-done', {}, { timeout: 10_000 });
    expect(await db.articles.count()).toBe(await source.articles.count());
    await source.delete();
  });

  it('says a damaged file is damaged and changes nothing', async () => {
    render(<Wrapper value={managerApp(db, registry, { ...orgA, id: db.name })}><RestoreWizard /></Wrapper>);
    await screen.findByTestId('restore-target');
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [new File([new Uint8Array([80, 75, 3, 4, 1, 2, 3])], 'x.posbackup')] } });
    await waitFor(() => expect(['damaged', 'no-backup']).toContain(screen.getByTestId('backup-error').dataset.reason));
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
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
      await screen.findByTestId('backup-setup');
      await screen.findByTestId('backup-reminder');
      expect(screen.queryByTestId('choose-folder')).toBeNull();
      expect((screen.getByTestId('setup-create') as HTMLButtonElement).disabled).toBe(true);
      fireEvent.click(screen.getByTestId('setup-unencrypted'));
      expect(document.querySelector('.backup-warning')).not.toBeNull();
      fireEvent.click(screen.getByTestId('setup-create'));
      fireEvent.click(await screen.findByTestId('run-backup'));
      await screen.findByTestId('run-done', {}, { timeout: 10_000 });
      expect(downloads).toEqual(['alpha-2026-11-23.posbackup']);
      await waitFor(() => expect(screen.getByTestId('backup-history').querySelectorAll('tbody tr')).toHaveLength(1));
      await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull());
    } finally {
      Object.assign(URL, { createObjectURL: saved.create, revokeObjectURL: saved.revoke });
      HTMLAnchorElement.prototype.click = saved.click;
    }
  });
});

describe('organizations screen', () => {
  it('opens the same menu from right-click and "…": Back up preselects, Restore into hands the target over', async () => {
    render(<Wrapper value={managerApp(db, registry, orgA)}><OrganizationsScreen /></Wrapper>);
    const items = await screen.findAllByTestId('org-item');
    expect(items).toHaveLength(2);
    fireEvent.contextMenu(items[1]!);
    expect(screen.getByTestId('org-menu').querySelectorAll('[role=menuitem]')).toHaveLength(3);
    fireEvent.click(screen.getByTestId('org-action-backup'));
    const orgs = await screen.findByTestId('export-orgs');
    const checked = [...orgs.querySelectorAll('label')].filter((l) => l.querySelector('input')!.checked).map((l) => l.textContent);
    expect(checked).toEqual(['Beta']);
    fireEvent.click(screen.getByText('Cancel'));
    fireEvent.click((await screen.findAllByTestId('org-more'))[0]!);
    fireEvent.click(screen.getByTestId('org-action-restore'));
    expect(sessionStorage.getItem('pos.backup.restoreTarget')).toBe('org-a');
    expect(window.location.hash).toBe('#/restore');
  });
});
