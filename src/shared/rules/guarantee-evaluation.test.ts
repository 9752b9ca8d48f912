import { describe, expect, it } from 'vitest'
import v1Examples from '../../../test/fixtures/timeline/contract-examples-v1.json'
import { addDays, type IsoDate } from '../kernel/iso-date'
import { parseTimelineCase } from './case-input'
import { computeTimeline, type TimelineResult } from './timeline'

/**
 * Table tests of contract version 2 (docs/timeline-contract.md "Contract version 2"): per
 * profile and per clause. The expected terms and sources are the contract's tables, written out
 * here, not read from the profile data.
 */
const run = (input: unknown): TimelineResult => {
  const parsed = parseTimelineCase(input)
  if (!parsed.ok) throw new Error(parsed.error)
  return computeTimeline(parsed.value)
}
const guaranteeOf = (input: unknown) => run(input).guarantee

const D = '2025-03-03' as IsoDate // a Monday
const day = (n: number) => addDays(D, n)
/** Sick since D, the first ziekmelding passed on the same day. */
const base = { sickPeriods: [{ start: D }], done: { 'melding-arbodienst': D } }
const ACTIVE = { status: 'active', reasons: [] }

type Term = { kind: string; on: IsoDate; due: IsoDate; source: string }

/** Every report with a term, per profile (the contract's "Report terms" table). */
const ON = day(14) // Monday 17 March 2025
const TERMS: [profile: string, term: Term][] = [
  [
    'amersfoortse-ontzorgmanager',
    { kind: 'ziekmelding', on: ON, due: day(16), source: 'seed 000 art. 4.1, 4.2' },
  ],
  [
    'amersfoortse-ontzorgmanager',
    { kind: 'wijziging', on: ON, due: day(16), source: 'seed 000 art. 3.5, 4.1' },
  ],
  [
    'amersfoortse-ontzorgmanager',
    { kind: 'herstelmelding', on: ON, due: day(16), source: 'seed 000 art. 3.5, 4.1' },
  ],
  [
    'goudse-op-maat',
    { kind: 'ziekmelding', on: ON, due: day(18), source: 'seed 003 art. 4.1, 4.2' },
  ],
  // 5th working day after Monday 17 March: Monday 24 March.
  ['goudse-op-maat', { kind: 'loonsanctie', on: ON, due: day(21), source: 'seed 003 art. 2.3.3' }],
]

describe('report terms: reported on the last day vs one day late, per profile and kind', () => {
  describe.each(TERMS)('%s', (profile, t) => {
    const input = (today: IsoDate, reportedOn?: IsoDate) => ({
      ...base,
      profile,
      today,
      reports: [{ kind: t.kind, on: t.on, ...(reportedOn ? { reportedOn } : {}) }],
    })
    const after = addDays(t.due, 1)

    it(`${t.kind}: passed on on the last day (${t.due}) keeps it active`, () => {
      expect(guaranteeOf(input(day(60), t.due))).toEqual(ACTIVE)
    })
    it(`${t.kind}: passed on before the day it concerns is on time too`, () => {
      expect(guaranteeOf(input(day(60), addDays(t.on, -1)))).toEqual(ACTIVE)
    })
    it(`${t.kind}: passed on one day late lapses it from that day, with its clause`, () => {
      expect(guaranteeOf(input(day(60), after))).toEqual({
        status: 'lapsed',
        since: after,
        reasons: [{ ground: `${t.kind}-late`, on: after, source: t.source }],
      })
    })
    it(`${t.kind}: at risk on the first day of the term and on its last day`, () => {
      const atRisk = {
        status: 'at-risk',
        reasons: [{ ground: `${t.kind}-due`, on: t.due, source: t.source }],
      }
      expect(guaranteeOf(input(t.on))).toEqual(atRisk)
      expect(guaranteeOf(input(t.due))).toEqual(atRisk)
      expect(run(input(t.due)).poortwachtergarantie).toBe('active')
    })
    it(`${t.kind}: not passed on by the day after the term, missing: lapsed`, () => {
      expect(guaranteeOf(input(after))).toEqual({
        status: 'lapsed',
        since: after,
        reasons: [{ ground: `${t.kind}-missing`, on: after, source: t.source }],
      })
    })
    it(`${t.kind}: a report dated before the first sick day belongs to an earlier case`, () => {
      const early = { ...input(day(60)), reports: [{ kind: t.kind, on: day(-20) }] }
      expect(guaranteeOf(early)).toEqual(ACTIVE)
    })
  })
})

describe('the first ziekmelding (melding-arbodienst) under the profiles with a term', () => {
  it.each([
    ['amersfoortse-ontzorgmanager', 2, 'seed 000 art. 4.1, 4.2'],
    ['goudse-op-maat', 4, 'seed 003 art. 4.1, 4.2'],
  ] as const)('%s: + %i days from the employee’s report', (profile, days, source) => {
    const reported = day(1)
    const due = addDays(reported, days)
    const c = (today: IsoDate, done?: IsoDate) => ({
      profile,
      today,
      sickPeriods: [{ start: D }],
      reportedByEmployee: reported,
      ...(done ? { done: { 'melding-arbodienst': done } } : {}),
    })
    expect(guaranteeOf(c(day(30), due))).toEqual(ACTIVE)
    expect(guaranteeOf(c(day(30), addDays(due, 1)))).toEqual({
      status: 'lapsed',
      since: addDays(due, 1),
      reasons: [{ ground: 'melding-arbodienst-late', on: addDays(due, 1), source }],
    })
    const running = {
      status: 'at-risk',
      reasons: [{ ground: 'melding-arbodienst-due', on: due, source }],
    }
    expect(guaranteeOf(c(reported))).toEqual(running)
    expect(guaranteeOf(c(due))).toEqual(running)
    expect(guaranteeOf(c(addDays(due, 1)))).toEqual({
      status: 'lapsed',
      since: addDays(due, 1),
      reasons: [{ ground: 'melding-arbodienst-missing', on: addDays(due, 1), source }],
    })
    // Before the employee reported sick, nothing runs yet.
    expect(guaranteeOf(c(D))).toEqual(ACTIVE)
  })
})

describe('reports without a term under the profile are ignored', () => {
  it.each([
    ['wettelijk', 'ziekmelding', 'not-applicable'],
    ['asr-reintegratiemanager', 'ziekmelding', 'active'],
    ['asr-reintegratiemanager', 'herstelmelding', 'active'],
    ['asr-mkb-verzuim-ontzorg', 'wijziging', 'active'],
    ['asr-mkb-verzuim-ontzorg', 'loonsanctie', 'active'],
    ['goudse-op-maat', 'wijziging', 'active'],
    ['goudse-op-maat', 'herstelmelding', 'active'],
    ['amersfoortse-ontzorgmanager', 'loonsanctie', 'active'],
  ])('%s: a %s never passed on leaves it %s', (profile, kind, status) => {
    const g = guaranteeOf({ ...base, profile, today: day(90), reports: [{ kind, on: ON }] })
    expect(g).toEqual({ status, reasons: [] })
  })
  it('a first ziekmelding never passed on has no effect under a.s.r. or the MKB product', () => {
    for (const profile of ['asr-reintegratiemanager', 'asr-mkb-verzuim-ontzorg'])
      expect(guaranteeOf({ profile, today: day(90), sickPeriods: [{ start: D }] })).toEqual(ACTIVE)
  })
})

describe('working-day terms skip the holidays of the Algemene termijnenwet', () => {
  it.each([
    ['Easter Monday; Good Friday is a working day', '2027-03-25', '2027-04-02'],
    ['Koningsdag on 27 April (from 2014)', '2023-04-24', '2023-05-02'],
    ['Koninginnedag on 30 April (before 2014)', '2013-04-26', '2013-05-06'],
    ['5 May in a year that is not a lustrum', '2026-04-30', '2026-05-08'],
    ['Ascension Day', '2025-05-27', '2025-06-04'],
    ['both Christmas days', '2025-12-22', '2025-12-31'],
    ['New Year’s Day', '2025-12-29', '2026-01-06'],
  ])('De Goudse loonsanctie notice across %s', (_name, decision, due) => {
    const g = guaranteeOf({
      profile: 'goudse-op-maat',
      today: decision,
      sickPeriods: [{ start: '2012-06-04' }],
      done: { 'melding-arbodienst': '2012-06-04' },
      reports: [{ kind: 'loonsanctie', on: decision }],
    })
    expect(g).toEqual({
      status: 'at-risk',
      reasons: [{ ground: 'loonsanctie-due', on: due, source: 'seed 003 art. 2.3.3' }],
    })
  })
})

describe('sickness that began before the cover (pre-existing sickness)', () => {
  const preExisting = (on: IsoDate, source: string) => ({
    status: 'not-applicable',
    reasons: [{ ground: 'pre-existing-sickness', on, source }],
  })
  it.each([
    ['amersfoortse-ontzorgmanager', 'seed 000 art. 3.2'],
    ['asr-reintegratiemanager', 'seed 001 art. 3.2'],
  ])('%s: first sick day before the module start, not on or after it', (profile, source) => {
    const c = (moduleStart: IsoDate) => ({ ...base, profile, today: day(20), moduleStart })
    expect(guaranteeOf(c(day(1)))).toEqual(preExisting(day(1), source))
    expect(guaranteeOf(c(D))).toEqual(ACTIVE)
    expect(guaranteeOf(c(day(-1)))).toEqual(ACTIVE)
  })
  it('De Amersfoortse reads it against the first sick day of the case, also after a relapse', () => {
    const g = guaranteeOf({
      profile: 'amersfoortse-ontzorgmanager',
      today: day(60),
      sickPeriods: [{ start: D, end: day(9) }, { start: day(30) }],
      done: { 'melding-arbodienst': D },
      moduleStart: day(20),
    })
    expect(g).toEqual(preExisting(day(20), 'seed 000 art. 3.2'))
  })
  describe('De Goudse: sick on the module start or the employment start (seed 003 art. 2.3.4)', () => {
    const source = 'seed 003 art. 2.3.4'
    const twoPeriods = {
      profile: 'goudse-op-maat',
      today: day(60),
      sickPeriods: [{ start: D, end: day(9) }, { start: day(30) }],
      done: { 'melding-arbodienst': D },
    }
    it.each([
      ['moduleStart', 'the first day of a period', D],
      ['moduleStart', 'the last day of a closed period', day(9)],
      ['moduleStart', 'a day of the open last period', day(45)],
      ['employmentStart', 'a day of a closed period', day(5)],
    ])('%s on %s', (field, _where, date) => {
      expect(guaranteeOf({ ...twoPeriods, [field]: date })).toEqual(preExisting(date, source))
    })
    it('not when the date falls between two periods, or before the case', () => {
      expect(guaranteeOf({ ...twoPeriods, moduleStart: day(10) })).toEqual(ACTIVE)
      expect(guaranteeOf({ ...twoPeriods, moduleStart: day(29) })).toEqual(ACTIVE)
      expect(guaranteeOf({ ...twoPeriods, employmentStart: day(-1) })).toEqual(ACTIVE)
    })
    it('both dates inside the case give two reasons, sorted by date', () => {
      expect(
        guaranteeOf({ ...twoPeriods, moduleStart: day(40), employmentStart: day(2) }).reasons,
      ).toEqual([
        { ground: 'pre-existing-sickness', on: day(2), source },
        { ground: 'pre-existing-sickness', on: day(40), source },
      ])
    })
  })
  it('other profiles do not read the employment start; the MKB product not the module start', () => {
    expect(
      guaranteeOf({
        ...base,
        profile: 'amersfoortse-ontzorgmanager',
        today: day(20),
        employmentStart: day(5),
      }),
    ).toEqual(ACTIVE)
    expect(
      guaranteeOf({
        ...base,
        profile: 'asr-mkb-verzuim-ontzorg',
        today: day(20),
        moduleStart: day(5),
      }),
    ).toEqual(ACTIVE)
  })
})

describe('the polisblad without the guarantee (seed 001 art. 3.5)', () => {
  const c = (profile: string, guaranteeOnPolicy: boolean | null) => ({
    ...base,
    profile,
    today: day(20),
    guaranteeOnPolicy,
  })
  it('a.s.r. Re-integratiemanager: not applicable, from the first sick day', () => {
    expect(guaranteeOf(c('asr-reintegratiemanager', false))).toEqual({
      status: 'not-applicable',
      reasons: [{ ground: 'not-on-policy', on: D, source: 'seed 001 art. 3.5' }],
    })
    expect(run(c('asr-reintegratiemanager', false)).poortwachtergarantie).toBe('not-applicable')
  })
  it('true, absent or null keeps version 1’s active', () => {
    expect(guaranteeOf(c('asr-reintegratiemanager', true))).toEqual(ACTIVE)
    expect(guaranteeOf(c('asr-reintegratiemanager', null))).toEqual(ACTIVE)
    expect(guaranteeOf({ ...base, profile: 'asr-reintegratiemanager', today: day(20) })).toEqual(
      ACTIVE,
    )
  })
  it.each(['amersfoortse-ontzorgmanager', 'goudse-op-maat', 'asr-mkb-verzuim-ontzorg'])(
    '%s does not read it',
    (profile) => {
      expect(guaranteeOf(c(profile, false))).toEqual(ACTIVE)
    },
  )
})

/** The contract's "Recorded grounds and their sources" table; null = no effect (—). */
const GROUNDS: Record<string, Record<string, string | null>> = {
  'amersfoortse-ontzorgmanager': {
    'module-ended': 'seed 000 art. 2.5',
    'services-suspended': 'seed 000 art. 5.3',
    'information-late': 'seed 000 art. 4.2',
    'no-cooperation': 'seed 000 art. 4.2',
    'advice-not-followed': 'seed 000 art. 4.2',
    'guarantee-withdrawn': 'seed 000 art. 4.2',
    'voluntary-extension': null,
    'sanction-handling': null,
    'other-breach': 'seed 000 art. 3.5',
  },
  'asr-reintegratiemanager': {
    'module-ended': 'seed 001 art. 2.5',
    'services-suspended': 'seed 001 art. 5.3',
    'information-late': 'seed 001 art. 4.2',
    'no-cooperation': 'seed 001 art. 4.2',
    'advice-not-followed': 'seed 001 art. 4.2',
    'guarantee-withdrawn': 'seed 001 art. 4.2',
    'voluntary-extension': null,
    'sanction-handling': null,
    'other-breach': 'seed 001 art. 3.5',
  },
  'goudse-op-maat': {
    'module-ended': 'seed 003 art. 1.5, 2.3.3',
    'services-suspended': 'seed 003 art. 2.3.3',
    'information-late': 'seed 003 art. 4.1, 4.2',
    'no-cooperation': 'seed 003 art. 4.1, 4.2',
    'advice-not-followed': 'seed 003 art. 2.3.3',
    'guarantee-withdrawn': 'seed 003 art. 2.3.3',
    'voluntary-extension': 'seed 003 art. 2.3.3',
    'sanction-handling': 'seed 003 art. 2.3.3',
    'other-breach': 'seed 003 art. 2.3.3',
  },
  'asr-mkb-verzuim-ontzorg': {
    'module-ended': 'seed 002',
    'services-suspended': null,
    'information-late': null,
    'no-cooperation': null,
    'advice-not-followed': null,
    'guarantee-withdrawn': 'seed 002',
    'voluntary-extension': null,
    'sanction-handling': null,
    'other-breach': null,
  },
}
const GROUND_ROWS = Object.entries(GROUNDS).flatMap(([profile, grounds]) =>
  Object.entries(grounds).map(([ground, source]) => [profile, ground, source] as const),
)

describe('each lapse ground, per profile', () => {
  const TODAY = day(40)
  const c = (profile: string, ground: string, on: IsoDate) => ({
    ...base,
    profile,
    today: TODAY,
    guaranteeEvents: [{ ground, on }],
  })
  it.each(GROUND_ROWS)('%s, %s: source %s', (profile, ground, source) => {
    const lapsed = (on: IsoDate) => ({
      status: 'lapsed',
      since: on,
      reasons: [{ ground, on, source }],
    })
    if (source === null) {
      for (const on of [day(-5), D, day(10), TODAY, day(41)])
        expect(guaranteeOf(c(profile, ground, on))).toEqual(ACTIVE)
      return
    }
    // Arose during the case up to today: lapsed from that day.
    expect(guaranteeOf(c(profile, ground, day(10)))).toEqual(lapsed(day(10)))
    expect(guaranteeOf(c(profile, ground, TODAY))).toEqual(lapsed(TODAY))
    expect(run(c(profile, ground, TODAY)).poortwachtergarantie).toBe('lapsed')
    // Announced for a later day: at risk until that day, on its first and last day too.
    const announced = { status: 'at-risk', reasons: [{ ground, on: day(41), source }] }
    expect(guaranteeOf(c(profile, ground, day(41)))).toEqual(announced)
    expect(guaranteeOf({ ...c(profile, ground, day(41)), today: D })).toEqual(announced)
    if (ground === 'module-ended') {
      // Ended on or before the first sick day: the case has no guarantee at all.
      for (const on of [D, day(-5)])
        expect(guaranteeOf(c(profile, ground, on))).toEqual({
          status: 'not-applicable',
          reasons: [{ ground, on, source }],
        })
    } else {
      // Before the first sick day: an earlier case.
      expect(guaranteeOf(c(profile, ground, day(-1)))).toEqual(ACTIVE)
      expect(guaranteeOf(c(profile, ground, D))).toEqual(lapsed(D))
    }
  })
  it('under wettelijk no ground has an effect', () => {
    for (const ground of Object.keys(GROUNDS['goudse-op-maat'] ?? {}))
      for (const on of [day(-5), day(10), day(41)])
        expect(guaranteeOf(c('wettelijk', ground, on))).toEqual({
          status: 'not-applicable',
          reasons: [],
        })
  })
})

describe('reasons: the causes of the status shown, sorted, once each; a lapse is final', () => {
  it('lapsed shows only the lapse causes, sorted by day then ground; since is the first', () => {
    const g = guaranteeOf({
      ...base,
      profile: 'goudse-op-maat',
      today: day(40),
      reports: [{ kind: 'loonsanctie', on: day(38) }],
      guaranteeEvents: [
        { ground: 'sanction-handling', on: day(20) },
        { ground: 'advice-not-followed', on: day(20) },
        { ground: 'advice-not-followed', on: day(20) },
        { ground: 'information-late', on: day(12) },
        { ground: 'module-ended', on: day(90) },
      ],
    })
    expect(g).toEqual({
      status: 'lapsed',
      since: day(12),
      reasons: [
        { ground: 'information-late', on: day(12), source: 'seed 003 art. 4.1, 4.2' },
        { ground: 'advice-not-followed', on: day(20), source: 'seed 003 art. 2.3.3' },
        { ground: 'sanction-handling', on: day(20), source: 'seed 003 art. 2.3.3' },
      ],
    })
  })
  it('not applicable outranks a lapse; at risk lists running reports and announced grounds', () => {
    const input = {
      ...base,
      profile: 'amersfoortse-ontzorgmanager',
      today: day(40),
      reports: [{ kind: 'wijziging', on: day(39) }],
      guaranteeEvents: [{ ground: 'module-ended', on: day(50) }],
    }
    expect(guaranteeOf(input)).toEqual({
      status: 'at-risk',
      reasons: [
        { ground: 'wijziging-due', on: day(41), source: 'seed 000 art. 3.5, 4.1' },
        { ground: 'module-ended', on: day(50), source: 'seed 000 art. 2.5' },
      ],
    })
    expect(
      guaranteeOf({
        ...input,
        moduleStart: day(3),
        guaranteeEvents: [{ ground: 'no-cooperation', on: day(5) }],
      }),
    ).toEqual({
      status: 'not-applicable',
      reasons: [{ ground: 'pre-existing-sickness', on: day(3), source: 'seed 000 art. 3.2' }],
    })
  })
  it('a report passed on later, or a later report on time, does not restore a lapse', () => {
    const lapsedBy = {
      ...base,
      profile: 'amersfoortse-ontzorgmanager',
      today: day(40),
      reports: [
        { kind: 'herstelmelding', on: day(10), reportedOn: day(15) },
        { kind: 'ziekmelding', on: day(30), reportedOn: day(30) },
      ],
    }
    expect(guaranteeOf(lapsedBy)).toMatchObject({ status: 'lapsed', since: day(13) })
  })
  it('null is the same as absent in every version-2 field', () => {
    const nulls = {
      ...base,
      profile: 'goudse-op-maat',
      today: day(20),
      reports: null,
      moduleStart: null,
      employmentStart: null,
      guaranteeOnPolicy: null,
      guaranteeEvents: null,
    }
    expect(run(nulls)).toEqual(run({ ...base, profile: 'goudse-op-maat', today: day(20) }))
    const reportedNull = {
      ...base,
      profile: 'goudse-op-maat',
      today: day(20),
      reports: [{ kind: 'ziekmelding', on: day(18), reportedOn: null }],
    }
    expect(guaranteeOf(reportedNull).status).toBe('at-risk')
  })
})

describe('version-1 inputs keep every version-1 output value', () => {
  it.each(v1Examples.map((e, i) => [i, e] as const))(
    'version-1 example %i: the same values, plus a guarantee that agrees',
    (_i, { input, output }) => {
      const { guarantee, ...v1 } = run(input)
      expect(v1).toEqual(output)
      expect(guarantee.status === 'at-risk' ? 'active' : guarantee.status).toBe(
        output.poortwachtergarantie,
      )
    },
  )
})
