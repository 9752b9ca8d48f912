import { useMemo, useState } from 'react'
import {
  IMPORT_FIELDS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  reuseMapping,
  type ColumnMapping,
  type ImportKind,
} from '../../../shared/import/columns'
import { planImport, type ImportPlan } from '../../../shared/import/plan'
import { readImportFile, type ImportTable } from '../../../shared/import/read-file'
import { repos } from '../../app/services'
import { nl } from '../../i18n/nl'
import { api } from '../../platform/api'
import { useLive } from '../../storage/live'
import { templateCsv, templateXlsx } from './templates'

const t = nl.import
/** Rows without problems shown in the preview (every row with a problem is always shown). */
const PREVIEW_ROWS = 100

type Loaded = { readonly name: string; readonly table: ImportTable }
type Message = { readonly kind: 'ok' | 'error'; readonly text: string }

/** Werkgevers or werknemers from a spreadsheet: choose, map, check, then import in one go. */
export function ImportPage() {
  const [kind, setKind] = useState<ImportKind>('werknemers')
  const [file, setFile] = useState<Loaded>()
  const [mapping, setMapping] = useState<ColumnMapping>({})
  const [updateExisting, setUpdateExisting] = useState(false)
  const [message, setMessage] = useState<Message>()
  const [busy, setBusy] = useState(false)
  const employers = useLive(() => repos.employers.list(), [])
  const employees = useLive(() => repos.employees.list(), [])

  const plan = useMemo((): ImportPlan | undefined => {
    if (!file || !employers || !employees) return undefined
    return planImport(kind, file.table.header, file.table.rows, mapping, { employers, employees })
  }, [file, kind, mapping, employers, employees])

  const chooseKind = (k: ImportKind) => {
    setKind(k)
    setFile(undefined)
    setMessage(undefined)
  }

  const chooseFile = async () => {
    setMessage(undefined)
    const opened = await api.openFile({
      title: t.chooseFile,
      filters: [{ name: 'Excel of CSV', extensions: ['xlsx', 'csv', 'txt'] }],
    })
    if (!opened) return
    setBusy(true)
    try {
      const read = await readImportFile(opened.name, opened.data)
      if (!read.ok) {
        setFile(undefined)
        setMessage({ kind: 'error', text: read.message })
        return
      }
      const remembered = (await repos.settings.get()).importMappings[kind]
      setMapping(reuseMapping(kind, read.value.header, remembered))
      setUpdateExisting(false)
      setFile({ name: opened.name, table: read.value })
    } finally {
      setBusy(false)
    }
  }

  const run = async () => {
    if (!plan || !file) return
    setBusy(true)
    try {
      const r = await repos.imports.apply(plan, { updateExisting, fileName: file.name })
      if (!r.ok) return setMessage({ kind: 'error', text: r.error.message })
      const settings = await repos.settings.get()
      await repos.settings.update({
        importMappings: {
          ...settings.importMappings,
          [kind]: { header: [...file.table.header], mapping: { ...mapping } },
        },
      })
      setMessage({ kind: 'ok', text: t.done(r.value.created, r.value.updated) })
    } finally {
      setBusy(false)
    }
  }

  const saveTemplate = async (format: 'xlsx' | 'csv') => {
    const data = format === 'xlsx' ? await templateXlsx(kind) : templateCsv(kind)
    await api.saveFile({
      suggestedName: `hervat-sjabloon-${kind}.${format}`,
      mimeType:
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv',
      data,
    })
  }

  const toApply = plan ? plan.counts.create + (updateExisting ? plan.counts.update : 0) : 0
  const shown = plan
    ? [
        ...plan.rows.filter((r) => r.action === 'invalid'),
        ...plan.rows.filter((r) => r.action !== 'invalid').slice(0, PREVIEW_ROWS),
      ].sort((a, b) => a.line - b.line)
    : []
  const hidden = plan ? plan.rows.length - shown.length : 0

  return (
    <section className="page" aria-labelledby="import-title">
      <header className="page__header">
        <h1 id="import-title">{t.title}</h1>
      </header>
      <p>{t.intro}</p>
      <section className="card" aria-labelledby="import-file">
        <h2 id="import-file">{t.kind}</h2>
        <fieldset className="choices">
          <legend className="visually-hidden">{t.kind}</legend>
          {IMPORT_KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="import-kind"
                checked={kind === k}
                onChange={() => chooseKind(k)}
              />{' '}
              {IMPORT_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void chooseFile()}
          >
            {t.chooseFile}
          </button>
          <button type="button" className="button" onClick={() => void saveTemplate('xlsx')}>
            {t.templateXlsx}
          </button>
          <button type="button" className="button" onClick={() => void saveTemplate('csv')}>
            {t.templateCsv}
          </button>
        </div>
        {file ? (
          <p>
            {file.name}: {file.table.rows.length} regels.{' '}
            {file.table.notes.map((n) => (
              <span key={n}>{n} </span>
            ))}
          </p>
        ) : null}
        {message ? (
          <p className={message.kind === 'error' ? 'form-error' : undefined} role="status">
            {message.text}
          </p>
        ) : null}
      </section>

      {file ? (
        <section className="card" aria-labelledby="import-mapping">
          <h2 id="import-mapping">{t.mappingTitle}</h2>
          <p>{t.mappingHelp}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.field}</th>
                <th scope="col">{t.column}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_FIELDS[kind].map((f) => (
                <tr key={f.key}>
                  <th scope="row">
                    <label htmlFor={`map-${f.key}`}>
                      {f.label} {f.required ? t.required : ''}
                    </label>
                  </th>
                  <td>
                    <select
                      id={`map-${f.key}`}
                      value={mapping[f.key] ?? -1}
                      onChange={(e) => setMapping({ ...mapping, [f.key]: Number(e.target.value) })}
                    >
                      <option value={-1}>{t.notInFile}</option>
                      {file.table.header.map((h, i) => (
                        <option key={i} value={i}>
                          {h || `Kolom ${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {plan ? (
        <section className="card" aria-labelledby="import-preview">
          <h2 id="import-preview">{t.previewTitle}</h2>
          <p data-testid="import-counts">{t.counts(plan.counts)}</p>
          {plan.counts.update > 0 ? (
            <label className="field--checkbox">
              <input
                type="checkbox"
                checked={updateExisting}
                onChange={(e) => setUpdateExisting(e.target.checked)}
              />{' '}
              {t.updateExisting(plan.counts.update)}
            </label>
          ) : null}
          <div className="table-scroll">
            <table className="table" aria-label={t.previewTitle}>
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.action}</th>
                  <th scope="col">{t.problems}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.line} data-action={r.action}>
                    <td>{r.line}</td>
                    <td className="wrap-anywhere">{r.label || '—'}</td>
                    <td>
                      {t.actions[r.action]}
                      {r.changedFields?.length ? ` (${r.changedFields.join(', ')})` : ''}
                    </td>
                    <td>
                      {r.problems.length === 0 ? (
                        '—'
                      ) : (
                        <ul>
                          {r.problems.map((p) => (
                            <li key={p.field}>
                              {p.column}: {p.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hidden > 0 ? <p>{t.moreRows(hidden)}</p> : null}
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || toApply === 0}
              onClick={() => void run()}
            >
              {busy ? t.busy : toApply === 0 ? t.nothingToDo : t.run(toApply)}
            </button>
          </div>
        </section>
      ) : null}
    </section>
  )
}
