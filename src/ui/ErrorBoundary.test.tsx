// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { ErrorBoundary } from './ErrorBoundary';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: { common: { error: 'Something went wrong: {{reason}}', retry: 'Retry' } } } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});
afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows a failing IndexedDB query as a translated error with Retry, and Retry renders the screen again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = new Dexie('error-boundary-test');
    db.version(1).stores({ rows: 'id' });
    await db.table('rows').put({ id: 'a', name: 'Milk' });
    let index = 'missing';
    function Rows() {
      const rows = useLiveQuery(() => (index === 'id' ? db.table('rows').toArray() : db.table('rows').where(index).equals('a').toArray()), [index]);
      return <p>{rows ? `${rows.length} row(s)` : 'loading'}</p>;
    }
    render(
      <main>
        <h1>Frame</h1>
        <ErrorBoundary>
          <Rows />
        </ErrorBoundary>
      </main>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong: SchemaError');
    // The rest of the page is still there.
    expect(screen.getByRole('heading', { name: 'Frame' })).toBeTruthy();

    index = 'id';
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1 row(s)')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await db.delete();
  });

  it('forgets the error when its reset key changes (another screen)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Boom({ fail }: { fail: boolean }): React.ReactNode {
      if (fail) throw new DOMException('disk full', 'QuotaExceededError');
      return <p>fine</p>;
    }
    const { rerender } = render(
      <ErrorBoundary resetKey="a">
        <Boom fail />
      </ErrorBoundary>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('QuotaExceededError');
    rerender(
      <ErrorBoundary resetKey="b">
        <Boom fail={false} />
      </ErrorBoundary>,
    );
    expect(await screen.findByText('fine')).toBeTruthy();
  });
});
