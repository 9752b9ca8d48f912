import { describe, expect, it } from 'vitest'
import { isoDate, type IsoDate } from '../kernel/iso-date'
import { dossierTimeline, urgencyOf, type DossierFacts } from './dossier-timeline'

const facts = (over: Partial<DossierFacts> = {}): DossierFacts => ({
  today: isoDate('2025-02-10'),
  profile: 'wettelijk',
  sickPeriods: [{ start: isoDate('2025-01-06'), reportedToEmployerOn: isoDate('2025-01-06') }],
  leaves: [],
  marks: [],
  ...over,
})
const get = (f: DossierFacts, key: string) =>
  dossierTimeline(f)?.milestones.find((m) => m.key === key)

describe('dossier timeline', () => {
  it('marks a deadline within the configured days as due soon, with its week and source', () => {
    const pa = get(facts(), 'probleemanalyse')
    expect(pa).toMatchObject({ due: '2025-02-16', status: 'due-soon', week: 6, severity: 'law' })
    expect(pa?.source).toContain('Regeling procesgang art. 2 lid 2')
    expect(get(facts({ dueSoonDays: 3 }), 'probleemanalyse')?.status).toBe('open')
  })

  it('takes the report to the arbodienst from the sick period as done', () => {
    const f = facts({
      sickPeriods: [
        { start: isoDate('2025-01-06'), reportedToArbodienstOn: isoDate('2025-01-08') },
      ],
    })
    expect(get(f, 'melding-arbodienst')).toMatchObject({ status: 'done', doneOn: '2025-01-08' })
  })

  it('a waived step shows its motivation instead of overdue (Regeling art. 5)', () => {
    const f = facts({
      today: isoDate('2025-03-10'),
      marks: [
        {
          key: 'probleemanalyse',
          state: 'waived',
          date: isoDate('2025-02-20'),
          motivation: 'Werknemer hersteld verwacht binnen een week',
        },
      ],
    })
    expect(get(f, 'probleemanalyse')).toMatchObject({
      status: 'waived',
      motivation: 'Werknemer hersteld verwacht binnen een week',
    })
  })

  it('a Goudse report deadline is a contract deadline; a late report lapses the guarantee', () => {
    const f = facts({
      profile: 'goudse-op-maat',
      sickPeriods: [
        { start: isoDate('2025-01-06'), reportedToArbodienstOn: isoDate('2025-01-13') },
      ],
    })
    expect(get(f, 'melding-arbodienst')).toMatchObject({
      severity: 'contract',
      status: 'done-late',
    })
    expect(dossierTimeline(f)?.poortwachtergarantie).toBe('lapsed')
  })

  it('gives the eerstejaarsevaluatie its window of weeks 46 to 52', () => {
    expect(get(facts(), 'eerstejaarsevaluatie')).toMatchObject({
      windowStart: '2025-11-17',
      due: '2026-01-04',
    })
  })
})

describe('caseload urgency', () => {
  const at = (today: string) =>
    urgencyOf(dossierTimeline(facts({ today: today as IsoDate })), today as IsoDate)
  it('ranks overdue first, then due within 7 days, then within 14', () => {
    expect(at('2025-02-20')).toMatchObject({ rank: 0, next: { key: 'melding-arbodienst' } })
    const f = facts({
      today: isoDate('2025-02-12'),
      sickPeriods: [
        { start: isoDate('2025-01-06'), reportedToArbodienstOn: isoDate('2025-01-07') },
      ],
    })
    expect(urgencyOf(dossierTimeline(f), isoDate('2025-02-12'))).toMatchObject({
      rank: 1,
      next: { key: 'probleemanalyse' },
    })
    const g = facts({
      today: isoDate('2025-02-05'),
      sickPeriods: [
        { start: isoDate('2025-01-06'), reportedToArbodienstOn: isoDate('2025-01-07') },
      ],
    })
    expect(urgencyOf(dossierTimeline(g), isoDate('2025-02-05'))).toMatchObject({ rank: 2 })
  })
  it('a dossier without sick periods has nothing to do', () => {
    expect(urgencyOf(dossierTimeline(facts({ sickPeriods: [] })), isoDate('2025-02-05')).rank).toBe(
      4,
    )
  })
})

describe('policy-profile milestones in the dossier timeline', () => {
  const keys = (f: DossierFacts) => dossierTimeline(f)?.milestones.map((m) => m.key) ?? []
  it('De Goudse: the week-5 takeover, and the loonsanctie notice when a decision is registered', () => {
    const f = facts({ profile: 'goudse-op-maat', loonsanctieDecisionOn: isoDate('2025-04-24') })
    expect(get(f, 'overdracht-arbo-goudse')).toMatchObject({
      due: '2025-02-03',
      week: 5,
      severity: 'contract',
    })
    expect(get(f, 'melding-loonsanctie-goudse')).toMatchObject({
      due: '2025-05-01',
      status: 'open',
    })
    expect(keys(facts())).not.toContain('overdracht-arbo-goudse')
  })
  it('Ontzorgmanager: terugvalpreventie six months after recovery from a long absence', () => {
    const f = facts({
      profile: 'amersfoortse-ontzorgmanager',
      today: isoDate('2025-07-01'),
      sickPeriods: [{ start: isoDate('2025-01-06'), end: isoDate('2025-05-31') }],
    })
    expect(get(f, 'terugvalpreventie')).toMatchObject({ due: '2025-12-01', status: 'open' })
    expect(get(f, 'melding-uwv-42')?.status).toBe('not-applicable')
  })
})

describe('second-year milestones', () => {
  it('spoor 2 is due six weeks after a completed eerstejaarsevaluatie', () => {
    const f = facts({
      today: isoDate('2026-01-10'),
      marks: [{ key: 'eerstejaarsevaluatie', state: 'done', date: isoDate('2025-12-15') }],
    })
    expect(get(f, 'spoor-2-start')).toMatchObject({
      due: '2026-01-26',
      status: 'open',
      severity: 'practice',
    })
    expect(get(facts(), 'spoor-2-start')).toBeUndefined()
  })
  it('the actueel oordeel is due with the re-integratieverslag, the UWV letter by week 89', () => {
    expect(get(facts(), 'actueel-oordeel')?.due).toBe('2026-10-04')
    expect(get(facts(), 'uwv-wia-brief')).toMatchObject({ due: '2026-09-20', week: 89 })
  })
  it('ziek uit dienst: report on the last working day before the employment ends', () => {
    // Employment ends on Sunday 29 June 2025: the last working day is Friday 27 June.
    expect(get(facts({ employmentEnd: isoDate('2025-06-29') }), 'ziek-uit-dienst')?.due).toBe(
      '2025-06-27',
    )
  })
  it('a loonsanctie ends at the latest 52 weeks after the wage-continuation period', () => {
    expect(
      get(facts({ loonsanctieDecisionOn: isoDate('2026-12-01') }), 'einde-loonsanctie')?.due,
    ).toBe('2028-01-02')
  })
})
