// Organizations (seed 004): the local organizations (one database each) with a "…" menu and a
// right-click menu: Open, Back up (export wizard, preselected), Restore into (restore wizard).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import { navigate } from '../../ui/routing';
import type { OrganizationEntry } from '../../db/schema';
import { RequireRight } from '../../ui/RequireRight';
import { ExportWizard } from './ExportWizard';
import { useOrganizationList } from './hooks/useOrganizationList';
import { setRestoreTarget } from './restoreTarget';
import './backup.css';

interface Menu {
  org: OrganizationEntry;
  x: number;
  y: number;
}

export function OrganizationsScreen() {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="orgs-title" data-testid="organizations-screen">
      <h1 id="orgs-title">{t('backup.orgs.title')}</h1>
      <RequireRight right="backup">
        <OrganizationsBody />
      </RequireRight>
    </section>
  );
}

function OrganizationsBody() {
  const { t } = useTranslation();
  const { org: current, switchOrganization } = useApp();
  const orgs = useOrganizationList();
  const [menu, setMenu] = useState<Menu | null>(null);
  const [exporting, setExporting] = useState<string[] | null>(null);

  useEffect(() => {
    if (!menu) return;
    const close = (e: KeyboardEvent | MouseEvent) => (!(e instanceof KeyboardEvent) || e.key === 'Escape') && setMenu(null);
    window.addEventListener('keydown', close);
    window.addEventListener('click', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('click', close);
    };
  }, [menu]);

  if (exporting) return <ExportWizard initialOrgIds={exporting} onClose={() => setExporting(null)} />;
  if (!orgs) return <p role="status">{t('common.loading')}</p>;
  if (orgs.length === 0) return <p className="card muted">{t('backup.orgs.empty')}</p>;

  const actions = (o: OrganizationEntry) => [
    { key: 'open', label: t('backup.orgs.open'), run: () => void switchOrganization(o.id).then(() => navigate({ name: 'sale' })) },
    { key: 'backup', label: t('backup.orgs.backup'), run: () => setExporting([o.id]) },
    {
      key: 'restore',
      label: t('backup.orgs.restoreInto'),
      run: () => {
        setRestoreTarget(o.id);
        navigate({ name: 'restore' });
      },
    },
  ];

  return (
    <>
      <ul className="org-list" data-testid="org-list">
        {orgs.map((o) => (
          <li
            key={o.id}
            className="org-item"
            data-testid="org-item"
            data-org-id={o.id}
            onContextMenu={(e) => {
              e.preventDefault();
              e.stopPropagation();
              setMenu({ org: o, x: e.clientX, y: e.clientY });
            }}
          >
            <span className="grow">
              <strong>{o.name}</strong> <span className="muted">· {t(`backup.orgs.kind.${o.kind}`)} · {t('backup.orgs.stores', { count: o.stores.length })}</span>
              {o.id === current.id && <span className="muted"> ({t('backup.orgs.current')})</span>}
            </span>
            <button
              type="button"
              aria-haspopup="menu"
              aria-label={t('backup.orgs.more', { name: o.name })}
              data-testid="org-more"
              onClick={(e) => {
                e.stopPropagation();
                const r = e.currentTarget.getBoundingClientRect();
                setMenu({ org: o, x: r.left, y: r.bottom });
              }}
            >
              …
            </button>
          </li>
        ))}
      </ul>
      {menu && (
        <div className="context-menu" role="menu" style={{ left: Math.min(menu.x, window.innerWidth - 220), top: Math.min(menu.y, window.innerHeight - 160) }} data-testid="org-menu">
          {actions(menu.org).map((a) => (
            <button
              key={a.key}
              type="button"
              role="menuitem"
              data-testid={`org-action-${a.key}`}
              onClick={() => {
                setMenu(null);
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
