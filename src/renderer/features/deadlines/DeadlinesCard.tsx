import { today } from '../../app/today'
import { showDate } from '../../components/format'
import type { DossierBundle } from '../../storage'
import { DeadlineList } from './DeadlineList'
import { plainSource } from './source-text'
import { useDossierTimeline } from './use-dossier-timeline'
import { TimelineChart } from './TimelineChart'

const GUARANTEE_LABELS = {
  'not-applicable': 'niet van toepassing',
  active: 'actief',
  lapsed: 'vervallen',
} as const

/** The dossier's 104 weeks at a glance and its deadline list, computed by the rule core. */
export function DeadlinesCard(props: { readonly bundle: DossierBundle }) {
  const { bundle } = props
  const now = today()
  const timeline = useDossierTimeline(bundle)
  if (!timeline) {
    return (
      <section className="card" aria-labelledby="dl-title">
        <h2 id="dl-title">Termijnen</h2>
        <p className="empty-hint">
          Voeg een ziekteperiode toe: dan berekent Hervat alle termijnen.
        </p>
      </section>
    )
  }
  const inCase = bundle.sickPeriods.slice(bundle.sickPeriods.length - timeline.periodsInCase)
  return (
    <section className="card" aria-labelledby="dl-title">
      <header className="card__header">
        <h2 id="dl-title">Termijnen</h2>
        <p className="card__meta">
          Week {timeline.sickWeek} · {timeline.countedSickDays} ziektedagen · eerste ziektedag{' '}
          {showDate(timeline.firstSickDay)}
          {timeline.periodsInCase > 1 ? ` (${timeline.periodsInCase} periodes samengeteld)` : ''} ·
          einde loondoorbetaling {showDate(timeline.lastWageDay)}
          {timeline.poortwachtergarantie !== 'not-applicable'
            ? ` · poortwachtergarantie ${GUARANTEE_LABELS[timeline.poortwachtergarantie]}`
            : ''}
        </p>
      </header>
      <TimelineChart
        firstSickDay={timeline.firstSickDay}
        lastWageDay={timeline.lastWageDay}
        today={now}
        sickSpans={inCase.map((p) => ({
          start: p.start,
          end: p.end ?? (now > p.start ? now : p.start),
        }))}
        leaveSpans={bundle.leaves}
        milestones={timeline.milestones}
      />
      {timeline.warnings.length > 0 ? (
        <ul className="deadline-warnings" aria-label="Waarschuwingen">
          {timeline.warnings.map((w, i) => (
            <li key={`${w.field}-${i}`} className="deadline-warnings__item" role="note">
              {plainSource(w.message)}
            </li>
          ))}
        </ul>
      ) : null}
      {timeline.guarantee.status !== 'not-applicable' ? (
        <p className={`guarantee guarantee--${timeline.guarantee.status}`} data-testid="guarantee">
          <strong>Poortwachtergarantie {GUARANTEE_LABELS[timeline.guarantee.status]}</strong>
          {timeline.guarantee.lapsedOn
            ? ` sinds ${showDate(timeline.guarantee.lapsedOn)}`
            : ''}: {plainSource(timeline.guarantee.reason)}{' '}
          <span className="guarantee__source">({plainSource(timeline.guarantee.source)})</span>
        </p>
      ) : null}
      <DeadlineList dossierId={bundle.dossier.id} deadlines={timeline.milestones} />
    </section>
  )
}
