import { lazy, Suspense, useMemo, useState } from 'react'
import { formatDutchDate, parseAnyDate, type IsoDate } from '../../../shared/kernel/iso-date'
import { ABSENCE_DEFINITIONS, type ReportPeriod } from '../../../shared/reports/absence'
import {
  casemanagerFigures,
  employerPhaseFigures,
  type CaseloadDossier,
} from '../../../shared/reports/caseload-figures'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { useLive } from '../../storage/live'
import { rankCaseload } from '../deadlines/deadline-views'
import { saveAuditedFile } from '../privacy/audit-events'
import {
  ABSENCE_COLUMNS,
  absenceCells,
  absenceRows,
  CASEMANAGER_COLUMNS,
  casemanagerCells,
  PHASE_COLUMNS,
  phaseCells,
  presetPeriods,
  reportCsv,
  reportXlsx,
  XLSX_MIME,
} from './report-tables'

// The chart library loads with the first chart, not with the app.
const AbsenceChart = lazy(() => import('./AbsenceChart').then((m) => ({ default: m.AbsenceChart })))

function ReportTable(props: {
  readonly id: string
  readonly title: string
  readonly header: readonly string[]
  readonly rows: readonly string[][]
  readonly fileName: string
}) {
  const [message, setMessage] = useState<string>()
  const save = async (format: 'csv' | 'xlsx') => {
    const r = await saveAuditedFile({
      suggestedName: `${props.fileName}.${format}`,
      mimeType: format === 'csv' ? 'text/csv' : XLSX_MIME,
      data:
        format === 'csv'
          ? reportCsv(props.header, props.rows)
          : await reportXlsx(props.title, props.header, props.rows),
      objectType: 'rapportage',
      detail: props.title,
    })
    setMessage(r.saved ? `${props.title} opgeslagen als ${format.toUpperCase()}.` : undefined)
  }
  return (
    <section className="card" aria-labelledby={props.id}>
      <header className="card__header">
        <h2 id={props.id}>{props.title}</h2>
        <div className="form-actions">
          <button type="button" className="button button--small" onClick={() => void save('csv')}>
            Exporteren als CSV
          </button>
          <button type="button" className="button button--small" onClick={() => void save('xlsx')}>
            Exporteren als Excel
          </button>
        </div>
      </header>
      {props.rows.length === 0 ? (
        <p>Geen gegevens in deze periode.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                {props.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r[0]}>
                  {r.map((c, i) => (i === 0 ? <th key={i}>{c}</th> : <td key={i}>{c || '—'}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {message ? <p role="status">{message}</p> : null}
    </section>
  )
}

/** Absence figures per werkgever and caseload figures per casemanager over a chosen period. */
export function ReportsPage() {
  const now = today()
  const presets = useMemo(() => presetPeriods(now), [now])
  const [period, setPeriod] = useState<ReportPeriod>(presets[0]!.period)
  const [fromText, setFromText] = useState(formatDutchDate(period.from))
  const [toText, setToText] = useState(formatDutchDate(period.to))
  const [periodError, setPeriodError] = useState<string>()
  const [employerId, setEmployerId] = useState('')
  const facts = useLive(() => repos.reportFacts.read(), [])
  const caseload = useLive(() => repos.caseload.list(), [])

  const choose = (p: ReportPeriod) => {
    setPeriod(p)
    setFromText(formatDutchDate(p.from))
    setToText(formatDutchDate(p.to))
    setPeriodError(undefined)
  }
  const applyTyped = () => {
    const from = parseAnyDate(fromText)
    const to = parseAnyDate(toText)
    if (!from || !to) return setPeriodError('Vul beide datums in als dd-mm-jjjj.')
    if (to < from) return setPeriodError('De einddatum ligt voor de begindatum.')
    choose({ from, to })
  }

  const absence = useMemo(
    () => (facts ? absenceRows(facts.employers, facts.byEmployer, period, employerId) : []),
    [facts, period, employerId],
  )
  const dossiers = useMemo((): CaseloadDossier[] => {
    if (!caseload) return []
    return rankCaseload(caseload, period.to)
      .filter((r) => (employerId ? r.employerId === employerId : true))
      .map((r) => ({
        dossierId: r.dossierId,
        casemanagerId: r.casemanager,
        employerId: r.employerId,
        active: r.status === 'actief',
        sickWeek: r.timeline?.sickWeek ?? 0,
        caseEnded: r.timeline?.caseEnded ?? true,
        steps: r.timeline?.milestones ?? [],
        dataWarnings: r.timeline?.warnings.length ?? 0,
      }))
  }, [caseload, period.to, employerId])
  const employerName = new Map(facts?.employers.map((e) => [e.id, e.name]))
  const stamp = `${formatDutchDate(period.from)}-tm-${formatDutchDate(period.to)}`

  return (
    <section className="page" aria-labelledby="reports-title">
      <header className="page__header">
        <h1 id="reports-title">Rapportages</h1>
      </header>
      <form
        className="toolbar"
        aria-label="Periode en werkgever"
        onSubmit={(e) => {
          e.preventDefault()
          applyTyped()
        }}
      >
        {presets.map((p) => (
          <button key={p.label} type="button" className="button" onClick={() => choose(p.period)}>
            {p.label}
          </button>
        ))}
        <label>
          Van <input value={fromText} onChange={(e) => setFromText(e.target.value)} size={10} />
        </label>
        <label>
          Tot en met <input value={toText} onChange={(e) => setToText(e.target.value)} size={10} />
        </label>
        <button type="submit" className="button">
          Toepassen
        </button>
        <label>
          Werkgever{' '}
          <select value={employerId} onChange={(e) => setEmployerId(e.target.value)}>
            <option value="">Alle werkgevers</option>
            {facts?.employers.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {periodError ? (
        <p className="form-error" role="alert">
          {periodError}
        </p>
      ) : (
        <p>
          Periode {formatDutchDate(period.from)} tot en met {formatDutchDate(period.to)} (
          {absence[0]?.figures.periodDays ?? 0} dagen).
        </p>
      )}
      {facts === undefined || caseload === undefined ? <p>Laden…</p> : null}
      <ReportTable
        id="report-absence"
        title="Verzuimcijfers per werkgever"
        header={ABSENCE_COLUMNS}
        rows={absence.map(absenceCells)}
        fileName={`verzuimcijfers-${stamp}`}
      />
      {absence.some((r) => (r.figures.verzuimpercentage ?? 0) > 0) ? (
        <Suspense fallback={null}>
          <AbsenceChart rows={absence} />
        </Suspense>
      ) : null}
      <details className="card">
        <summary>Hoe zijn deze cijfers berekend?</summary>
        <dl>
          <dt>Verzuimpercentage</dt>
          <dd>{ABSENCE_DEFINITIONS['verzuimpercentage']}</dd>
          <dt>Kort, middellang en lang verzuim</dt>
          <dd>{ABSENCE_DEFINITIONS['duur']}</dd>
          <dt>Meldingsfrequentie</dt>
          <dd>{ABSENCE_DEFINITIONS['meldingsfrequentie']}</dd>
          <dt>Gemiddelde verzuimduur</dt>
          <dd>{ABSENCE_DEFINITIONS['gemiddeldeVerzuimduur']}</dd>
          <dt>Nulverzuim</dt>
          <dd>{ABSENCE_DEFINITIONS['nulverzuim']}</dd>
        </dl>
        <p>
          De cijfers volgen de standaard Berekening van ziekteverzuim (Projectgroep Uniformering
          Verzuimgrootheden, 1996), die ook CBS en Vernet gebruiken. Ze gaan over de werknemers die
          in Hervat zijn vastgelegd.
        </p>
      </details>
      <ReportTable
        id="report-casemanagers"
        title="Per casemanager"
        header={CASEMANAGER_COLUMNS}
        rows={casemanagerFigures(dossiers, period).map(casemanagerCells)}
        fileName={`casemanagers-${stamp}`}
      />
      <ReportTable
        id="report-phases"
        title={`Lopende gevallen per fase op ${formatDutchDate(period.to as IsoDate)}`}
        header={PHASE_COLUMNS}
        rows={employerPhaseFigures(dossiers).map((f) =>
          phaseCells(f, employerName.get(f.employerId) ?? '—'),
        )}
        fileName={`fasen-${stamp}`}
      />
    </section>
  )
}
