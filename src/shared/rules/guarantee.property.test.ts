import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { POLICY_PROFILE_IDS } from '../domain/policy-profile'
import { addDays, isoDate, type IsoDate } from '../kernel/iso-date'
import { GUARANTEE_GROUNDS, REPORT_KINDS } from './profiles'
import { computeTimeline, type TimelineCase, type TimelineResult } from './timeline'

/** Properties of contract version 2's guarantee (docs/timeline-contract.md). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const offset = (min: number, max: number) => fc.integer({ min, max })

const arbV1 = fc
  .record({
    origin: offset(0, 4000),
    spans: fc.array(fc.record({ length: offset(0, 90), gap: offset(0, 40) }), {
      minLength: 1,
      maxLength: 3,
    }),
    open: fc.boolean(),
    todayAfter: offset(0, 200),
    profile: fc.option(fc.constantFrom(...POLICY_PROFILE_IDS)),
    reportDelay: fc.option(offset(0, 4)),
    reportDone: fc.option(offset(-3, 12)),
  })
  .map((a): TimelineCase => {
    const origin = addDays(isoDate('2019-01-07'), a.origin)
    let day = origin
    const sickPeriods: { start: IsoDate; end?: IsoDate }[] = []
    a.spans.forEach((s, i) => {
      const end = addDays(day, s.length)
      sickPeriods.push(i === a.spans.length - 1 && a.open ? { start: day } : { start: day, end })
      day = addDays(end, s.gap + 1)
    })
    const c: Mutable<TimelineCase> = { today: addDays(day, a.todayAfter), sickPeriods }
    if (a.profile !== null) c.profile = a.profile
    if (a.reportDelay !== null) c.reportedByEmployee = addDays(origin, a.reportDelay)
    if (a.reportDone !== null) c.done = { 'melding-arbodienst': addDays(origin, a.reportDone) }
    return c
  })

/** Version-2 fields relative to the case's first period and today (all valid). */
const arbExtras = fc.record({
  reports: fc.array(
    fc.record({
      kind: fc.constantFrom(...REPORT_KINDS),
      on: offset(-20, 400),
      reportedAfter: fc.option(offset(-2, 10)),
    }),
    { maxLength: 4 },
  ),
  moduleStart: fc.option(offset(-60, 200)),
  employmentStart: fc.option(offset(-60, 200)),
  guaranteeOnPolicy: fc.option(fc.boolean()),
  events: fc.array(
    fc.record({ ground: fc.constantFrom(...GUARANTEE_GROUNDS), on: offset(-30, 500) }),
    { maxLength: 3 },
  ),
})
type Extras = typeof arbExtras extends fc.Arbitrary<infer T> ? T : never

const start = (c: TimelineCase) => (c.sickPeriods[0] as { start: IsoDate }).start
const clampToToday = (c: TimelineCase, d: IsoDate) => (d > c.today ? c.today : d)

function withExtras(c: TimelineCase, e: Extras): TimelineCase {
  const s = start(c)
  const out: Mutable<TimelineCase> = {
    ...c,
    reports: e.reports.map((r) => {
      const on = clampToToday(c, addDays(s, r.on))
      return r.reportedAfter === null
        ? { kind: r.kind, on }
        : { kind: r.kind, on, reportedOn: clampToToday(c, addDays(on, r.reportedAfter)) }
    }),
    guaranteeEvents: e.events.map((g) => ({ ground: g.ground, on: addDays(s, g.on) })),
  }
  if (e.moduleStart !== null) out.moduleStart = addDays(s, e.moduleStart)
  if (e.employmentStart !== null) out.employmentStart = addDays(s, e.employmentStart)
  if (e.guaranteeOnPolicy !== null) out.guaranteeOnPolicy = e.guaranteeOnPolicy
  return out
}

const arbV2 = fc.tuple(arbV1, arbExtras).map(([c, e]) => withExtras(c, e))

/** Higher is better for the employer; no guarantee at all is the lowest. */
const RANK = { 'not-applicable': 0, lapsed: 1, 'at-risk': 2, active: 3 } as const
const rank = (r: TimelineResult) => RANK[r.guarantee.status]

describe('the guarantee never improves by more facts', () => {
  it('a later report never makes a lapsed guarantee active again', () => {
    fc.assert(
      fc.property(
        arbV2,
        fc.constantFrom(...REPORT_KINDS),
        offset(0, 30),
        fc.option(offset(0, 30)),
        (c, kind, after, reportedAfter) => {
          const before = computeTimeline(c)
          if (before.guarantee.status !== 'lapsed') return
          const last = (c.reports ?? []).reduce<IsoDate>((m, r) => (r.on > m ? r.on : m), start(c))
          const on = clampToToday(c, addDays(last, after))
          const report =
            reportedAfter === null
              ? { kind, on }
              : { kind, on, reportedOn: clampToToday(c, addDays(on, reportedAfter)) }
          const later = computeTimeline({ ...c, reports: [...(c.reports ?? []), report] })
          expect(later.guarantee.status).toBe('lapsed')
          expect((later.guarantee.since as string) <= (before.guarantee.since as string)).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('passing on a missing report afterwards, or on the first sick report late, restores nothing', () => {
    fc.assert(
      fc.property(arbV2, (c) => {
        const before = computeTimeline(c)
        if (before.guarantee.status !== 'lapsed') return
        const reported = computeTimeline({
          ...c,
          reports: (c.reports ?? []).map((r) => ({ ...r, reportedOn: r.reportedOn ?? c.today })),
          done: { ...c.done, 'melding-arbodienst': c.done?.['melding-arbodienst'] ?? c.today },
        })
        expect(reported.guarantee.status).toBe('lapsed')
      }),
      { numRuns: 400 },
    )
  })

  it('adding a lapse ground never improves the status', () => {
    fc.assert(
      fc.property(
        arbV2,
        fc.constantFrom(...GUARANTEE_GROUNDS),
        offset(-30, 500),
        (c, ground, on) => {
          const before = computeTimeline(c)
          const event = { ground, on: addDays(start(c), on) }
          const after = computeTimeline({
            ...c,
            guaranteeEvents: [...(c.guaranteeEvents ?? []), event],
          })
          expect(rank(after)).toBeLessThanOrEqual(rank(before))
        },
      ),
      { numRuns: 600 },
    )
  })
})

describe('the shape of every result', () => {
  it('since only when lapsed, the first reason’s day; reasons sorted, each pair once; version 1 derived', () => {
    fc.assert(
      fc.property(arbV2, (c) => {
        const g = computeTimeline(c).guarantee
        if (g.status === 'lapsed') expect(g.since).toBe(g.reasons[0]?.on)
        else expect(g).not.toHaveProperty('since')
        if (g.status === 'lapsed' || g.status === 'at-risk')
          expect(g.reasons.length).toBeGreaterThan(0)
        if (g.status === 'active') expect(g.reasons).toEqual([])
        const keys = g.reasons.map((r) => `${r.on} ${r.ground}`)
        expect(new Set(keys).size).toBe(keys.length)
        expect([...keys].sort()).toEqual(keys)
        expect(computeTimeline(c).poortwachtergarantie).toBe(
          g.status === 'at-risk' ? 'active' : g.status,
        )
      }),
      { numRuns: 400 },
    )
  })
})

describe('version-1 inputs keep every version-1 output value', () => {
  /** Version 1's poortwachtergarantie, as its contract table states it. */
  function v1Guarantee(r: TimelineResult, profile: string | undefined) {
    const report = r.deadlines[0]?.status
    switch (profile ?? 'wettelijk') {
      case 'wettelijk':
        return 'not-applicable'
      case 'amersfoortse-ontzorgmanager':
      case 'goudse-op-maat':
        return report === 'done-late' || report === 'overdue' ? 'lapsed' : 'active'
      default:
        return 'active'
    }
  }

  it('poortwachtergarantie is version 1’s for every version-1 input', () => {
    fc.assert(
      fc.property(arbV1, (c) => {
        const r = computeTimeline(c)
        expect(r.poortwachtergarantie).toBe(v1Guarantee(r, c.profile))
      }),
      { numRuns: 500 },
    )
  })

  it('version-2 fields change no version-1 field but poortwachtergarantie', () => {
    fc.assert(
      fc.property(arbV1, arbExtras, (c, e) => {
        const { guarantee: _g1, poortwachtergarantie: _p1, ...v1 } = computeTimeline(c)
        const {
          guarantee: _g2,
          poortwachtergarantie: _p2,
          ...v2
        } = computeTimeline(withExtras(c, e))
        expect(v2).toEqual(v1)
      }),
      { numRuns: 300 },
    )
  })
})
