// CSV import of articles or prices, from a file or pasted text, with the per-row error report.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../api';
import { ErrorState } from '../components/ErrorState';
import { useImportCsv } from '../hooks/useImportCsv';

export const IMPORT_COLUMNS: Record<ImportKind, string> = {
  article: 'sku,name,group,barcodes,unit,vatRate,price',
  price: 'priceList,sku,amount,validFrom,validTo',
};

export function ImportPage() {
  const { t } = useTranslation('admin');
  const importCsv = useImportCsv();
  const [kind, setKind] = useState<ImportKind>('article');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const csv = file ? await file.text() : text;
    setMissing(csv.trim() === '');
    if (csv.trim() !== '') importCsv.mutate({ kind, csv });
  };
  const result = importCsv.data;

  return (
    <>
      <h1>{t('import.title')}</h1>
      <section className="panel" aria-label={t('import.title')}>
        <form onSubmit={(e) => void submit(e)}>
          <fieldset className="field">
            <legend>{t('import.kind')}</legend>
            {(['article', 'price'] as const).map((k) => (
              <label key={k} className="check">
                <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`import.kind_${k}`)}
              </label>
            ))}
          </fieldset>
          <p>
            {t('common.labelValue', { label: t('import.columns'), value: '' })}
            <code>{IMPORT_COLUMNS[kind]}</code>
          </p>
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor="import-text">{t('import.text')}</label>
            <textarea id="import-text" rows={6} value={text} disabled={file !== null} onChange={(e) => setText(e.target.value)} />
          </div>
          {missing && (
            <p className="field-error" role="alert">
              {t('import.empty')}
            </p>
          )}
          <button type="submit" className="primary" disabled={importCsv.isPending}>
            {importCsv.isPending ? t('import.importing') : t('import.submit')}
          </button>
        </form>
        {importCsv.isError && <ErrorState error={importCsv.error} title={t('common.saveFailed')} />}
      </section>
      {result && (
        <section className="panel" aria-labelledby="import-result">
          <h2 id="import-result" role="status">
            {t('import.result', { count: result.imported })}
          </h2>
          {result.errors.length === 0 ? (
            <p>{t('import.noErrors')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t('import.errors')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('import.row')}
                    </th>
                    <th scope="col">{t('import.code')}</th>
                    <th scope="col">{t('import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((err, i) => (
                    <tr key={i}>
                      <td className="num">{err.row}</td>
                      <td>
                        <code>{err.code}</code>
                      </td>
                      <td>{err.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
