import { describe, expect, it } from 'vitest'
import examples from '../../../test/fixtures/timeline/contract-examples-v1.json'
import { isoDate, type IsoDate } from '../kernel/iso-date'
import { parseTimelineCase } from './case-input'
import {
  computeDossierTimeline,
  dossierTimelineFromRecords,
  type DossierRecords,
  type DossierTimelineInput,
  type Milestone,
} from './dossier-timeline'

const d = isoDate
const input = (over: Partial<DossierTimelineInput> = {}): DossierTimelineInput => ({
  today: d('2025-02-10'),
  profile: 'wettelijk',
  sickPeriods: [{ start: d('2025-01-06') }],
  marks: [],
  ...over,
})
const timeline = (over: Partial<DossierTimelineInput> = {}) => {
  const t = computeDossierTimeline(input(over))
  if (!t) throw new Error('no timeline')
  return t
}
const get = (over: Partial<DossierTimelineInput>, key: string): Milestone | undefined =>
  timeline(over).milestones.find((m) => m.key === key)

describe('the dossier timeline repeats the contract examples', () => {
  it.each(examples.map((e, i) => [i, e] as const))('example %i', (_i, { input: raw, output }) => {
    const parsed = parseTimelineCase(raw)
    if (!parsed.ok) throw new Error(parsed.error)
    const c = parsed.value
    const t = computeDossierTimeline({
      today: c.today,
      profile: c.profile ?? 'wettelijk',
      sickPeriods: c.sickPeriods,
      leaves: (c.leaves ?? []).map((l) => ({
        ...l,
        sameCauseAroundLeave: c.sameCauseAroundLeave ?? true,
      })),
      ...(c.reportedByEmployee ? { reportedByEmployee: c.reportedByEmployee } : {}),
      marks: Object.entries(c.done ?? {}).map(([key, date]) => ({ key, state: 'done', date })),
    })
    expect(t).toMatchObject({
      firstSickDay: output.firstSickDay,
      periodsInCase: output.periodsInCase,
      countedSickDays: output.countedSickDays,
      sickWeek: output.sickWeek,
      lastWageDay: output.lastWageDay,
      poortwachtergarantie: output.poortwachtergarantie,
    })
    for (const dl of output.deadlines) {
      const m = t?.milestones.find((x) => x.key === dl.key)
      expect({
        key: m?.key,
        due: m?.due,
        status: m?.status === 'due-soon' ? 'open' : m?.status,
        ...(m?.doneOn ? { doneOn: m.doneOn } : {}),
      }).toEqual(dl)
    }
  })
})

describe('statuses beyond the contract', () => {
  it('due soon within the configured number of days (default 14), counted from today', () => {
    expect(get({ today: d('2025-02-02') }, 'probleemanalyse')?.status).toBe('due-soon')
    expect(get({ today: d('2025-02-01') }, 'probleemanalyse')?.status).toBe('open')
    expect(get({ today: d('2025-02-13'), dueSoonDays: 3 }, 'probleemanalyse')?.status).toBe(
      'due-soon',
    )
    expect(get({ today: d('2025-02-12'), dueSoonDays: 3 }, 'probleemanalyse')?.status).toBe('open')
  })

  it('waived needs a motivation (Regeling procesgang art. 5); without one it stays overdue', () => {
    const mark = { key: 'probleemanalyse', state: 'waived' as const, date: d('2025-02-20') }
    expect(get({ today: d('2025-03-10'), marks: [mark] }, 'probleemanalyse')?.status).toBe(
      'overdue',
    )
    expect(
      get({ today: d('2025-03-10'), marks: [{ ...mark, motivation: '   ' }] }, 'probleemanalyse')
        ?.status,
    ).toBe('overdue')
    expect(
      get(
        {
          today: d('2025-03-10'),
          marks: [{ ...mark, motivation: 'Herstel binnen een week verwacht' }],
        },
        'probleemanalyse',
      ),
    ).toMatchObject({
      status: 'waived',
      motivation: 'Herstel binnen een week verwacht',
      doneOn: '2025-02-20',
    })
  })

  it('a statutory second-year step cannot be waived: it stays overdue and says why', () => {
    const mark = {
      key: 're-integratieverslag',
      state: 'waived' as const,
      date: d('2026-09-01'),
      motivation: 'Werknemer verwacht hersteld',
    }
    const m = get({ today: d('2026-10-10'), marks: [mark] }, 're-integratieverslag')
    expect(m?.status).toBe('overdue')
    expect(m?.note).toContain('kan niet vervallen')
    // The 42-week report may be waived with reasons (ZW 38 lid 4: an employee on ZW benefit).
    const vangnet = {
      ...mark,
      key: 'melding-uwv-42',
      date: d('2025-10-01'),
      motivation: 'Vangnetter: UWV betaalt ZW',
    }
    expect(get({ today: d('2025-11-10'), marks: [vangnet] }, 'melding-uwv-42')?.status).toBe(
      'waived',
    )
  })

  it('done wins over waived; a waiver of an earlier case is ignored', () => {
    const marks = [
      { key: 'probleemanalyse', state: 'waived' as const, date: d('2025-02-01'), motivation: 'x' },
      { key: 'probleemanalyse', state: 'done' as const, date: d('2025-02-14') },
    ]
    expect(get({ today: d('2025-03-10'), marks }, 'probleemanalyse')?.status).toBe('done')
    const old = [
      { key: 'probleemanalyse', state: 'waived' as const, date: d('2024-12-01'), motivation: 'x' },
    ]
    expect(get({ today: d('2025-03-10'), marks: old }, 'probleemanalyse')?.status).toBe('overdue')
  })

  it('the first done mark of the case counts: a later bijstelling does not turn done into done-late', () => {
    const marks = [
      { key: 'probleemanalyse', state: 'done' as const, date: d('2025-05-01') },
      { key: 'probleemanalyse', state: 'done' as const, date: d('2025-02-14') },
    ]
    expect(get({ today: d('2025-06-01'), marks }, 'probleemanalyse')).toMatchObject({
      status: 'done',
      doneOn: '2025-02-14',
    })
    expect(get({ today: d('2025-06-01'), marks }, 'plan-van-aanpak')?.due).toBe('2025-02-28')
  })

  it('milestones are sorted by due date and carry their week, severity, code and source', () => {
    const t = timeline()
    const dues = t.milestones.map((m) => m.due)
    expect(dues).toEqual([...dues].sort())
    expect(t.milestones.find((m) => m.key === 'melding-uwv-42')).toMatchObject({
      week: 43,
      code: 'T08',
      severity: 'law',
    })
    expect(t.milestones.find((m) => m.key === 'einde-loondoorbetaling')).toMatchObject({
      week: 104,
      kind: 'event',
      due: '2027-01-03',
    })
    expect(t.milestones.find((m) => m.key === 'melding-uwv-42')?.source).toContain('€455')
  })

  it('an event that has passed is done, never overdue', () => {
    const m = get({ today: d('2027-02-01') }, 'einde-loondoorbetaling')
    expect(m?.status).toBe('done')
  })
})

describe('T06 periodic evaluation (every six weeks after the plan van aanpak)', () => {
  it('appears once the plan van aanpak is done, and moves with each evaluation', () => {
    expect(get({}, 'periodieke-evaluatie')).toBeUndefined()
    const pva = { key: 'plan-van-aanpak', state: 'done' as const, date: d('2025-02-25') }
    expect(get({ today: d('2025-03-01'), marks: [pva] }, 'periodieke-evaluatie')).toMatchObject({
      due: '2025-04-08',
      status: 'open',
      code: 'T06',
    })
    const ev = { key: 'periodieke-evaluatie', state: 'done' as const, date: d('2025-04-01') }
    expect(get({ today: d('2025-05-20'), marks: [pva, ev] }, 'periodieke-evaluatie')).toMatchObject(
      { due: '2025-05-13', status: 'overdue' },
    )
  })
  it('is not shown once the case has ended', () => {
    const pva = { key: 'plan-van-aanpak', state: 'done' as const, date: d('2025-02-25') }
    expect(
      get(
        {
          today: d('2025-05-01'),
          sickPeriods: [{ start: d('2025-01-06'), end: d('2025-04-01') }],
          marks: [pva],
        },
        'periodieke-evaluatie',
      ),
    ).toBeUndefined()
  })
})

describe('second-year and profile steps after the case ended', () => {
  const ended = {
    today: d('2025-05-01'),
    sickPeriods: [{ start: d('2025-01-06'), end: d('2025-03-31') }],
  }
  it.each(['actueel-oordeel', 'uwv-wia-brief', 'einde-loondoorbetaling'])(
    '%s is not applicable',
    (key) => {
      expect(get(ended, key)?.status).toBe('not-applicable')
    },
  )
  it('De Goudse: no week-5 takeover for a sickness that ended within four weeks', () => {
    expect(
      get(
        {
          ...ended,
          profile: 'goudse-op-maat',
          sickPeriods: [{ start: d('2025-01-06'), end: d('2025-02-01') }],
        },
        'overdracht-arbo-goudse',
      )?.status,
    ).toBe('not-applicable')
    expect(get({ ...ended, profile: 'goudse-op-maat' }, 'overdracht-arbo-goudse')?.status).toBe(
      'done',
    )
  })
})

describe('poortwachtergarantie with its reason (domain §6.4)', () => {
  it('Amersfoortse: lapsed the day after the two-day term, with the dates in the reason', () => {
    const t = timeline({
      profile: 'amersfoortse-ontzorgmanager',
      reportedByEmployee: d('2025-01-06'),
      marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-09') }],
    })
    expect(t.guarantee).toMatchObject({ status: 'lapsed', lapsedOn: '2025-01-09' })
    expect(t.guarantee.reason).toContain('08-01-2025')
    expect(t.guarantee.reason).toContain('09-01-2025')
    expect(t.guarantee.source).toContain('seed 000')
  })
  it('Goudse: a loonsanctie not reported within five working days lapses it too', () => {
    const base = {
      profile: 'goudse-op-maat' as const,
      today: d('2026-12-10'),
      loonsanctieDecisionOn: d('2026-11-26'),
      marks: [{ key: 'melding-arbodienst', state: 'done' as const, date: d('2025-01-07') }],
    }
    const t = timeline(base)
    expect(t.milestones.find((m) => m.key === 'melding-loonsanctie-goudse')).toMatchObject({
      due: '2026-12-03',
      status: 'overdue',
    })
    expect(t.guarantee).toMatchObject({ status: 'lapsed', lapsedOn: '2026-12-04' })
    const reported = timeline({
      ...base,
      marks: [
        ...base.marks,
        { key: 'melding-loonsanctie-goudse', state: 'done', date: d('2026-12-01') },
      ],
    })
    expect(reported.guarantee.status).toBe('active')
  })
  it('a.s.r. stays active and wettelijk is not applicable, each with a reason', () => {
    expect(timeline({ profile: 'asr-reintegratiemanager' }).guarantee.status).toBe('active')
    expect(timeline().guarantee).toMatchObject({ status: 'not-applicable' })
  })
})

describe('appointments and interventions (domain §6.3, §6.5)', () => {
  it('flags a cancellation less than 24 hours ahead, across the October clock change too', () => {
    const t = timeline({
      appointments: [
        { id: 'a', startsAt: '2025-03-10T09:00', cancelledAt: '2025-03-09T10:00' },
        { id: 'b', startsAt: '2025-03-10T09:00', cancelledAt: '2025-03-09T09:00' },
        { id: 'c', startsAt: '2025-03-10T09:00' },
        // Sunday 26 Oct 2025 has 25 hours: 10:00 Sat → 09:30 Sun is 23.5 wall-clock hours but 24.5 real hours.
        { id: 'd', startsAt: '2025-10-26T09:30', cancelledAt: '2025-10-25T10:00' },
        // Sunday 30 Mar 2025 has 23 hours: 09:00 Sat → 09:30 Sun is 24.5 wall-clock hours but 23.5 real hours.
        { id: 'e', startsAt: '2025-03-30T09:30', cancelledAt: '2025-03-29T09:00' },
      ],
    })
    expect(t.appointments.map((a) => [a.id, a.lateCancellation])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
      ['d', false],
      ['e', true],
    ])
  })

  it('shows the weeks of wage continuation left beside an intervention’s cost (INT-2)', () => {
    const t = timeline({
      today: d('2026-01-04'),
      interventions: [{ id: 'i', quotedCostEuros: 2500 }],
    })
    expect(t.interventions[0]).toMatchObject({
      id: 'i',
      quotedCostEuros: 2500,
      remainingWageWeeks: 52,
      wageContinuationLastDay: '2027-01-03',
    })
  })

  it('ends the employer’s wage clock at the end of employment (domain §3.7)', () => {
    const t = timeline({
      today: d('2025-06-01'),
      employmentEnd: d('2025-06-30'),
      interventions: [{}],
    })
    expect(t.clocks.wageContinuationLastDay).toBe('2025-06-30')
    expect(t.clocks.wiaWachttijdLastDay).toBe('2027-01-03')
    expect(t.lastWageDay).toBe('2027-01-03')
    expect(t.interventions[0]?.remainingWageWeeks).toBe(4.1)
  })

  it('tells whether the sickness began on or after the module start (AMF-T4, RIM-T3)', () => {
    const t = (moduleStartDate: IsoDate) =>
      timeline({
        profile: 'asr-reintegratiemanager',
        moduleStartDate,
        interventions: [{ id: 'i' }],
      }).interventions[0]
    expect(t(d('2025-01-01'))?.sicknessFromModuleStart).toBe(true)
    expect(t(d('2025-02-01'))?.sicknessFromModuleStart).toBe(false)
    expect(
      timeline({ interventions: [{ id: 'i' }] }).interventions[0]?.sicknessFromModuleStart,
    ).toBeUndefined()
  })
})

describe('stored records (dossierTimelineFromRecords)', () => {
  const records = (over: Partial<DossierRecords> = {}): DossierRecords => ({
    today: d('2025-06-02'),
    profile: 'goudse-op-maat',
    sickPeriods: [
      {
        start: d('2025-03-01'),
        reportedToEmployerOn: d('2025-03-03'),
        reportedToArbodienstOn: d('2025-03-05'),
      },
      {
        start: d('2024-10-01'),
        end: d('2024-10-10'),
        reportedToEmployerOn: d('2024-10-01'),
        reportedToArbodienstOn: d('2024-10-02'),
      },
      {
        start: d('2025-01-13'),
        end: d('2025-02-09'),
        reportedToEmployerOn: d('2025-01-14'),
        reportedToArbodienstOn: d('2025-01-20'),
      },
    ],
    leaves: [],
    marks: [],
    ...over,
  })
  it('sorts the periods and takes both report dates from the first period of the case', () => {
    const t = dossierTimelineFromRecords(records())
    expect(t).toMatchObject({ firstSickDay: '2025-01-13', periodsInCase: 2 })
    // Reported by the employee on 14 January: due 18 January; reported to the arbodienst on 20 January.
    expect(t?.milestones.find((m) => m.key === 'melding-arbodienst')).toMatchObject({
      due: '2025-01-18',
      status: 'done-late',
      doneOn: '2025-01-20',
      severity: 'contract',
    })
    expect(t?.poortwachtergarantie).toBe('lapsed')
  })
  it('a leave with a different cause splits the case just like the contract flag', () => {
    const t = dossierTimelineFromRecords(
      records({
        leaves: [{ start: d('2025-02-10'), end: d('2025-02-28'), sameCauseAroundLeave: false }],
      }),
    )
    expect(t).toMatchObject({ firstSickDay: '2025-03-01', periodsInCase: 1 })
  })
  it('repairs inconsistent stored periods towards the earlier deadline, and says so', () => {
    const t = computeDossierTimeline(
      input({
        today: d('2025-03-01'),
        sickPeriods: [{ start: d('2025-01-06') }, { start: d('2025-02-10'), end: d('2025-03-20') }],
      }),
    )
    expect(t).toMatchObject({
      firstSickDay: '2025-01-06',
      periodsInCase: 1,
      caseEnded: false,
      countedSickDays: 55,
    })
    expect(t?.warnings.map((w) => w.field)).toEqual(['sickPeriods[1].end', 'sickPeriods[1].start'])
  })
  it('no sick period, no timeline', () => {
    expect(dossierTimelineFromRecords(records({ sickPeriods: [] }))).toBeUndefined()
  })
})
