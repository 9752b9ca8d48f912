import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import { DOSSIER_STATUS_LABELS, DOSSIER_STATUSES } from '../../../shared/domain/entities'
import { markOnce, PERF } from '../../app/perf'
import { useRouter } from '../../app/router'
import { repos } from '../../app/services'
import { showDate } from '../../components/format'
import { nl } from '../../i18n/nl'
import { useLive } from '../../storage/live'
import { today } from '../../app/today'
import { countUrgency, rankCaseload } from '../deadlines/deadline-views'
import { STATUS_LABELS } from '../deadlines/DeadlineList'
import { filterCaseload } from './filter'

const ROW_HEIGHT = 52

/** The casemanager's caseload: search as you type, filters, and a virtualised list. */
export function CaseloadPage() {
  const navigate = useRouter((s) => s.navigate)
  const rows = useLive(async () => {
    const list = await repos.caseload.list()
    markOnce(PERF.caseloadRead)
    return list
  }, [])
  const employers = useLive(() => repos.employers.list(), [])
  const [query, setQuery] = useState('')
  const [employerId, setEmployerId] = useState('')
  const [status, setStatus] = useState('')
  const ranked = useMemo(() => {
    if (!rows) return []
    const r = rankCaseload(rows, today())
    markOnce(PERF.caseloadRanked)
    return r
  }, [rows])
  const counts = useMemo(() => countUrgency(ranked), [ranked])
  const visible = useMemo(
    () => filterCaseload(ranked, { query, employerId, status }),
    [ranked, query, employerId, status],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })

  const loaded = rows !== undefined
  useEffect(() => {
    if (loaded) markOnce(PERF.caseloadRendered)
  }, [loaded])

  if (rows === undefined) return <p className="page">{nl.common.loading}</p>

  if (rows.length === 0) {
    return (
      <section className="page" aria-labelledby="caseload-title">
        <h1 id="caseload-title">{nl.caseload.title}</h1>
        <div className="empty">
          <h2>{nl.caseload.emptyTitle}</h2>
          <p>{nl.caseload.emptyText}</p>
          <div className="empty__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigate({ name: 'new-dossier' })}
            >
              {nl.nav.newDossier}
            </button>
            <button type="button" className="button" onClick={() => navigate({ name: 'data' })}>
              {nl.data.loadSample}
            </button>
          </div>
        </div>
      </section>
    )
  }

  return (
    <section className="page page--fill" aria-labelledby="caseload-title">
      <header className="page__header">
        <h1 id="caseload-title">{nl.caseload.title}</h1>
        <p className="page__count" aria-live="polite" data-testid="caseload-count">
          {nl.caseload.count(visible.length, rows.length)}
        </p>
      </header>
      <p className="urgency-summary" data-testid="urgency-summary">
        <span className="badge badge--status-overdue">{counts.overdue} te laat</span>
        <span className="badge badge--status-due-soon">{counts.within7} binnen 7 dagen</span>
        <span className="badge">{counts.within14} binnen 14 dagen</span>
      </p>
      <div className="toolbar" role="search">
        <input
          type="search"
          className="toolbar__search"
          placeholder={nl.caseload.search}
          aria-label={nl.caseload.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={nl.caseload.employerFilter}
          value={employerId}
          onChange={(e) => setEmployerId(e.target.value)}
        >
          <option value="">{nl.caseload.allEmployers}</option>
          {employers?.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <select
          aria-label={nl.caseload.statusFilter}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">{nl.caseload.allStatuses}</option>
          {DOSSIER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DOSSIER_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="grid" role="table" aria-label="Dossiers" aria-rowcount={visible.length + 1}>
        <div className="grid__row grid__row--head" role="row">
          <span role="columnheader">{nl.caseload.columns.employee}</span>
          <span role="columnheader">{nl.caseload.columns.employer}</span>
          <span role="columnheader">{nl.caseload.columns.firstSickDay}</span>
          <span role="columnheader">{nl.caseload.columns.status}</span>
          <span role="columnheader">Eerstvolgende termijn</span>
          <span role="columnheader">{nl.caseload.columns.casemanager}</span>
        </div>
        <div className="grid__body" ref={scrollRef}>
          {visible.length === 0 ? <p className="empty-hint">{nl.caseload.noMatches}</p> : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {virtualizer.getVirtualItems().map((item) => {
              const row = visible[item.index]
              if (!row) return null
              return (
                <a
                  key={row.dossierId}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="grid__row grid__row--link"
                  href={`#/dossiers/${encodeURIComponent(row.dossierId)}/overzicht`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <span role="cell" className="grid__primary">
                    {row.employeeName}
                  </span>
                  <span role="cell">{row.employerName}</span>
                  <span role="cell">{showDate(row.firstSickDay)}</span>
                  <span role="cell">
                    <span className={`badge badge--${row.status}`}>
                      {DOSSIER_STATUS_LABELS[row.status]}
                    </span>
                  </span>
                  <span role="cell" className="grid__deadline">
                    {row.urgency.next ? (
                      <>
                        <span className={`badge badge--status-${row.urgency.next.status}`}>
                          {STATUS_LABELS[row.urgency.next.status]}
                        </span>{' '}
                        {row.urgency.next.label} · {showDate(row.urgency.next.due)}
                        {row.urgency.overdue > 1 ? ` (+${row.urgency.overdue - 1})` : ''}
                      </>
                    ) : (
                      '—'
                    )}
                  </span>
                  <span role="cell">{row.casemanager}</span>
                </a>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
