// Refund: against a receipt (choose lines and quantities, never more than sold minus earlier
// refunds) or without one (free lines found by name/SKU/barcode). Needs 'refund' (and
// 'refundWithoutReceipt' without a receipt): a cashier without it gets the supervisor PIN prompt
// at once. Committed with commitReceipt, then the new receipt is shown.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../../ui/AppContext';
import { isoNow, REFUND_METHODS } from '@model';
import { navigate } from '../../../ui/routing';
import { formatQuantity } from '../../../ui/format';
import type { Right } from '@model';
import { can, computeTotals, planRefund, type RefundMethod, type RefundSelection } from '../../domain';
import { findByBarcode } from '../../services/catalog';
import { refundReceipt, refundWithoutReceipt, type RefundResult } from '../../services/refunds';
import { useReceiptCommit } from '../hooks/useReceiptCommit';
import { SupervisorPrompt } from '../../../ui/SupervisorPrompt';
import { useArticlePage } from '../hooks/useArticlePage';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useMoney } from '../hooks/useMoney';
import { useParameters } from '../hooks/useParameters';
import { useRefundCart } from '../hooks/useRefundCart';
import { useRefundSource } from '../hooks/useRefundSource';
import { ListStates, SearchBox } from '../../../ui/ListStates';
import '../../../ui/lists.css';
import type { RefundErrorReason } from '../../i18n';

export function RefundScreen({ receiptId }: { receiptId: string | null }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const needed: Right[] = receiptId ? ['refund'] : ['refund', 'refundWithoutReceipt'];
  const [granted, setGranted] = useState<Right[]>([]);
  const [prompting, setPrompting] = useState(true);
  const justGranted = useRef(false);
  const missing = needed.filter((r) => !can(role, r) && !granted.includes(r));
  const next = missing[0];
  return (
    <section className="stack" aria-labelledby="refund-title" data-testid="refund-screen">
      <h1 id="refund-title">{t(receiptId ? 'screens.refund.title' : 'screens.refund.titleWithout')}</h1>
      {next ? (
        <div className="card stack">
          <p>{t('screens.refund.needsRight', { right: t(`rights.names.${next}`) })}</p>
          <button type="button" onClick={() => setPrompting(true)} data-testid="ask-supervisor">
            {t('rights.askSupervisor')}
          </button>
          {prompting && (
            <SupervisorPrompt
              key={next}
              right={next}
              onGranted={() => {
                justGranted.current = true;
                setGranted((g) => [...g, next]);
              }}
              onClose={() => {
                if (!justGranted.current) setPrompting(false);
                justGranted.current = false;
              }}
            />
          )}
        </div>
      ) : receiptId ? (
        <ReceiptRefund receiptId={receiptId} />
      ) : (
        <FreeRefund />
      )}
    </section>
  );
}

/** The shared receipt commit, opening the refund receipt once it is recorded. */
function useCommit() {
  const commit = useReceiptCommit<RefundErrorReason>();
  return {
    ...commit,
    async run(refund: () => Promise<RefundResult>) {
      const r = await commit.run(refund);
      if (r.ok) navigate({ name: 'receipt', arg: r.receipt.id });
    },
  };
}

function ReceiptRefund({ receiptId }: { receiptId: string }) {
  const { t, i18n } = useTranslation();
  const { db, clock } = useApp();
  const { operator } = useSession();
  const money = useMoney();
  const source = useRefundSource(receiptId);
  const [qty, setQty] = useState<Record<number, number>>({});
  const [method, setMethod] = useState<RefundMethod>('cash');
  const commit = useCommit();
  return (
    <ListStates result={source} isEmpty={(s) => s === null} empty={t('screens.refund.errors.unknown-receipt')}>
      {(s) => {
        if (!s) return null;
        const { original, alreadyRefunded } = s;
        const selection: RefundSelection[] = Object.entries(qty).map(([i, q]) => ({ lineIndex: Number(i), qtyMilli: q }));
        const plan = planRefund(original, selection, alreadyRefunded);
        const left = (i: number) => (original.lines[i]?.qtyMilli ?? 0) - (alreadyRefunded[i] ?? 0);
        const set = (i: number, q: number) => setQty((cur) => ({ ...cur, [i]: Math.max(0, Math.min(left(i), q)) }));
        const qtyText = (q: number) => formatQuantity(q, q % 1000 === 0 ? 'pcs' : 'kg', i18n.language);
        return (
          <>
            <p>{t('screens.refund.against', { number: original.number })}</p>
            {original.kind !== 'sale' && <p className="error">{t('screens.refund.errors.not-a-sale')}</p>}
            <table className="list-table" data-testid="refund-lines">
              <thead>
                <tr>
                  <th>{t('screens.refund.article')}</th>
                  <th className="num">{t('screens.refund.sold')}</th>
                  <th className="num">{t('screens.refund.refunded')}</th>
                  <th>{t('screens.refund.toRefund')}</th>
                </tr>
              </thead>
              <tbody>
                {original.lines.map((l, i) => (
                  <tr key={i} data-testid="refund-line">
                    <td>
                      {l.name} <span className="muted">{money(l.unitPrice)}</span>
                    </td>
                    <td className="num">{qtyText(l.qtyMilli)}</td>
                    <td className="num">{qtyText(alreadyRefunded[i] ?? 0)}</td>
                    <td>
                      <span className="qty-stepper">
                        <button type="button" aria-label={t('screens.refund.less')} onClick={() => set(i, (qty[i] ?? 0) - 1000)} disabled={!(qty[i] ?? 0)}>
                          −
                        </button>
                        <output data-testid="refund-qty">{qtyText(qty[i] ?? 0)}</output>
                        <button type="button" aria-label={t('screens.refund.more')} onClick={() => set(i, (qty[i] ?? 0) + 1000)} disabled={(qty[i] ?? 0) >= left(i)}>
                          +
                        </button>
                        <button type="button" onClick={() => set(i, left(i))} disabled={left(i) <= 0}>
                          {t('screens.refund.all')}
                        </button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <RefundFooter
              total={plan.ok ? plan.value.total : 0}
              method={method}
              onMethod={setMethod}
              error={commit.error ?? (!plan.ok && plan.reason !== 'empty-refund' ? plan.reason : null)}
              disabled={!plan.ok || commit.busy}
              busy={commit.busy}
              onRefund={() =>
                void commit.run(() => refundReceipt(db, { receiptId, selection, method, operatorId: operator.id, now: isoNow(clock) }))
              }
            />
          </>
        );
      }}
    </ListStates>
  );
}

function FreeRefund() {
  const { t, i18n } = useTranslation();
  const { db, clock } = useApp();
  const { operator } = useSession();
  const money = useMoney();
  const parameters = useParameters();
  const cart = useRefundCart();
  const [query, setQuery] = useState('');
  const [method, setMethod] = useState<RefundMethod>('cash');
  const [scanMiss, setScanMiss] = useState<string | null>(null);
  const found = useArticlePage(query, 0, 12);
  const commit = useCommit();
  useBarcodeScanner((code) => {
    void findByBarcode(db, code).then((a) => (a ? (cart.add(a), setScanMiss(null)) : setScanMiss(code)));
  });
  const totals = computeTotals(cart.cart, { taxMode: parameters?.taxMode ?? 'inclusive', now: isoNow(clock) });
  return (
    <>
      <SearchBox value={query} onChange={setQuery} label={t('screens.refund.searchArticle')} testId="refund-article-search" />
      {scanMiss && <p className="error" role="alert">{t('screens.refund.unknownCode', { code: scanMiss })}</p>}
      {query.trim() !== '' && (
        <ListStates result={found} isEmpty={(p) => p.items.length === 0} empty={t('screens.lists.noMatch')}>
          {(page) => (
            <div className="row" data-testid="refund-article-results">
              {page.items.map((a) => (
                <button key={a.id} type="button" onClick={() => { cart.add(a); setQuery(''); }}>
                  {a.name} · {money(a.price)}
                </button>
              ))}
            </div>
          )}
        </ListStates>
      )}
      {cart.cart.lines.length === 0 ? (
        <p className="muted">{t('screens.refund.addItems')}</p>
      ) : (
        <table className="list-table" data-testid="refund-lines">
          <tbody>
            {totals.lines.map((l) => (
              <tr key={l.lineId} data-testid="refund-line">
                <td>{l.name}</td>
                <td>
                  <span className="qty-stepper">
                    <button type="button" aria-label={t('screens.refund.less')} onClick={() => cart.setQty(l.lineId, l.qtyMilli - 1000)}>
                      −
                    </button>
                    <output>{formatQuantity(l.qtyMilli, l.unit, i18n.language)}</output>
                    <button type="button" aria-label={t('screens.refund.more')} onClick={() => cart.setQty(l.lineId, l.qtyMilli + 1000)}>
                      +
                    </button>
                  </span>
                </td>
                <td className="num">{money(l.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RefundFooter
        total={-totals.total}
        method={method}
        onMethod={setMethod}
        error={commit.error ?? cart.error}
        disabled={cart.cart.lines.length === 0 || commit.busy}
        busy={commit.busy}
        onRefund={() => void commit.run(() => refundWithoutReceipt(db, { cart: cart.cart, method, operatorId: operator.id, now: isoNow(clock) }))}
      />
    </>
  );
}

function RefundFooter(p: { total: number; method: RefundMethod; onMethod(m: RefundMethod): void; error: RefundErrorReason | null; disabled: boolean; busy: boolean; onRefund(): void }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <div className="card stack">
      <div className="method-choice" role="group" aria-label={t('screens.refund.method')}>
        {REFUND_METHODS.map((m) => (
          <button key={m} type="button" aria-pressed={p.method === m} onClick={() => p.onMethod(m)} data-testid={`refund-method-${m}`}>
            {t(`screens.shift.methods.${m}`)}
          </button>
        ))}
      </div>
      <p className="refund-total" data-testid="refund-total">
        {t('screens.refund.total', { amount: money(Math.abs(p.total)) })}
      </p>
      {p.error && (
        <p className="error" role="alert" data-testid="refund-error" data-reason={p.error}>
          {t(`screens.refund.errors.${p.error}`)}
        </p>
      )}
      <button type="button" className="primary big" disabled={p.disabled} onClick={p.onRefund} data-testid="refund-confirm">
        {p.busy ? t('screens.common.working') : t('screens.refund.confirm')}
      </button>
    </div>
  );
}
