import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { POLICY_PROFILE_IDS } from '../domain/policy-profile'
import { addDays, daysBetween, isoDate, type IsoDate } from '../kernel/iso-date'
import { computeDossierTimeline, type DossierTimelineInput } from './dossier-timeline'
import { caseClock, computeTimeline, DEADLINE_KEYS, type TimelineCase } from './timeline'

type Period = { start: IsoDate; end?: IsoDate }
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Valid contract cases: chronological periods, only the last open, no end after today. */
const arbCase = fc
  .record({
    origin: fc.integer({ min: 0, max: 3000 }),
    spans: fc.array(
      fc.record({ length: fc.integer({ min: 0, max: 150 }), gap: fc.integer({ min: 0, max: 60 }) }),
      { minLength: 1, maxLength: 5 },
    ),
    open: fc.boolean(),
    todayAfter: fc.integer({ min: 0, max: 800 }),
    profile: fc.constantFrom(...POLICY_PROFILE_IDS),
    leave: fc.option(
      fc.record({
        offset: fc.integer({ min: -30, max: 300 }),
        length: fc.integer({ min: 0, max: 120 }),
      }),
    ),
    sameCause: fc.boolean(),
    reportDelay: fc.option(fc.integer({ min: 0, max: 5 })),
    done: fc.dictionary(fc.constantFrom(...DEADLINE_KEYS), fc.integer({ min: -100, max: 800 }), {
      maxKeys: 4,
    }),
  })
  .map((a): TimelineCase => {
    const origin = addDays(isoDate('2020-01-06'), a.origin)
    let day = origin
    const sickPeriods: Period[] = []
    a.spans.forEach((s, i) => {
      const end = addDays(day, s.length)
      const last = i === a.spans.length - 1
      sickPeriods.push(last && a.open ? { start: day } : { start: day, end })
      day = addDays(end, s.gap + 1)
    })
    const c: Mutable<TimelineCase> = {
      today: addDays(day, a.todayAfter),
      profile: a.profile,
      sickPeriods,
      sameCauseAroundLeave: a.sameCause,
    }
    if (a.leave) {
      const start = addDays(origin, a.leave.offset)
      c.leaves = [{ start, end: addDays(start, a.leave.length) }]
    }
    if (a.reportDelay !== null) c.reportedByEmployee = addDays(origin, a.reportDelay)
    const done: Partial<Record<(typeof DEADLINE_KEYS)[number], IsoDate>> = {}
    for (const [k, v] of Object.entries(a.done)) done[k as keyof typeof done] = addDays(origin, v)
    c.done = done
    return c
  })

const shift = (c: TimelineCase, k: number): TimelineCase => {
  const s = (d: IsoDate) => addDays(d, k)
  const out: Mutable<TimelineCase> = {
    ...c,
    today: s(c.today),
    sickPeriods: c.sickPeriods.map((p) =>
      p.end ? { start: s(p.start), end: s(p.end) } : { start: s(p.start) },
    ),
  }
  if (c.leaves) out.leaves = c.leaves.map((l) => ({ start: s(l.start), end: s(l.end) }))
  if (c.reportedByEmployee) out.reportedByEmployee = s(c.reportedByEmployee)
  if (c.done) out.done = Object.fromEntries(Object.entries(c.done).map(([key, v]) => [key, s(v)]))
  return out
}

const lastEnd = (c: TimelineCase) => {
  const last = c.sickPeriods[c.sickPeriods.length - 1] as Period
  return last.end ?? c.today
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}

describe('properties of the timeline (fast-check)', () => {
  it('shifting every date of a case by k days shifts every due date by k, statuses unchanged', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: -2000, max: 2000 }), (c, k) => {
        const a = computeTimeline(c)
        const b = computeTimeline(shift(c, k))
        expect(b.firstSickDay).toBe(addDays(a.firstSickDay, k))
        expect(b.lastWageDay).toBe(addDays(a.lastWageDay, k))
        expect(b.countedSickDays).toBe(a.countedSickDays)
        expect(b.poortwachtergarantie).toBe(a.poortwachtergarantie)
        b.deadlines.forEach((d, i) => {
          const before = a.deadlines[i]
          expect(d.due).toBe(addDays(before?.due as IsoDate, k))
          expect(d.status).toBe(before?.status)
          if (d.doneOn) expect(d.doneOn).toBe(addDays(before?.doneOn as IsoDate, k))
        })
      }),
    )
  })

  it('a gap of 28 days or more (leave days not counted) never chains', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 28, max: 400 }), (c, gap) => {
        const end = lastEnd(c)
        const last = c.sickPeriods[c.sickPeriods.length - 1] as Period
        const next = addDays(end, gap + 1)
        const leaves = (c.leaves ?? []).filter((l) => l.end <= end) // none inside the new gap
        const r = computeTimeline({
          ...c,
          leaves,
          today: next,
          sickPeriods: [...c.sickPeriods.slice(0, -1), { start: last.start, end }, { start: next }],
        })
        expect(r.periodsInCase).toBe(1)
        expect(r.firstSickDay).toBe(next)
      }),
    )
  })

  it('a gap of fewer than 28 days always chains when no leave lies in it', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 27 }), (c, gap) => {
        const end = lastEnd(c)
        const last = c.sickPeriods[c.sickPeriods.length - 1] as Period
        const next = addDays(end, gap + 1)
        const before = computeTimeline({
          ...c,
          leaves: [],
          today: end,
          sickPeriods: [...c.sickPeriods.slice(0, -1), { start: last.start, end }],
        })
        const r = computeTimeline({
          ...c,
          leaves: [],
          today: next,
          sickPeriods: [...c.sickPeriods.slice(0, -1), { start: last.start, end }, { start: next }],
        })
        expect(r.periodsInCase).toBe(before.periodsInCase + 1)
        expect(r.firstSickDay).toBe(before.firstSickDay)
      }),
    )
  })

  it('adding sick days after the last one (longer, or a new period) never moves a due date earlier', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 90 }), fc.boolean(), (c, extra, newPeriod) => {
        const end = lastEnd(c)
        const last = c.sickPeriods[c.sickPeriods.length - 1] as Period
        const closed: Period[] = [
          ...(c.sickPeriods.slice(0, -1) as Period[]),
          { start: last.start, end },
        ]
        const today = addDays(end, extra + 1)
        const a = computeTimeline({ ...c, today, sickPeriods: closed })
        const more: Period[] = newPeriod
          ? [...closed, { start: addDays(end, extra + 1) }]
          : [
              ...(c.sickPeriods.slice(0, -1) as Period[]),
              { start: last.start, end: addDays(end, extra) },
            ]
        const b = computeTimeline({ ...c, today, sickPeriods: more })
        expect(b.firstSickDay >= a.firstSickDay).toBe(true)
        expect(b.lastWageDay >= a.lastWageDay).toBe(true)
        b.deadlines.forEach((d, i) => expect(d.due >= (a.deadlines[i]?.due as IsoDate)).toBe(true))
      }),
    )
  })

  it('counted days are the calendar days of the case minus gaps and leave; nth is strictly increasing', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = computeTimeline(c)
        const span = daysBetween(r.firstSickDay, c.today) + 1
        expect(r.countedSickDays).toBeLessThanOrEqual(Math.max(0, span))
        expect(r.sickWeek).toBe(Math.ceil(r.countedSickDays / 7))
        const clock = caseClock(c)
        let prev = -Infinity
        for (const n of [1, 2, 41, 42, 56, 294, 316, 364, 623, 637, 651, 728]) {
          const d = clock.nth(n)
          expect(d).toBeGreaterThan(prev)
          prev = d
        }
      }),
    )
  })

  it('is deterministic and never changes its input', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const frozen = deepFreeze(structuredClone(c))
        expect(computeTimeline(frozen)).toEqual(computeTimeline(c))
        expect(frozen).toEqual(c)
      }),
    )
  })

  it('the dossier timeline agrees with the contract on the seven deadlines, dates and statuses', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const contract = computeTimeline(c)
        const input: DossierTimelineInput = {
          today: c.today,
          profile: c.profile ?? 'wettelijk',
          sickPeriods: c.sickPeriods,
          leaves: (c.leaves ?? []).map((l) => ({
            ...l,
            sameCauseAroundLeave: c.sameCauseAroundLeave ?? true,
          })),
          ...(c.reportedByEmployee ? { reportedByEmployee: c.reportedByEmployee } : {}),
          marks: Object.entries(c.done ?? {}).map(([key, date]) => ({ key, state: 'done', date })),
        }
        const dossier = computeDossierTimeline(input)
        expect(dossier).toBeDefined()
        if (!dossier) return
        expect(dossier).toMatchObject({
          firstSickDay: contract.firstSickDay,
          periodsInCase: contract.periodsInCase,
          countedSickDays: contract.countedSickDays,
          sickWeek: contract.sickWeek,
          lastWageDay: contract.lastWageDay,
          poortwachtergarantie: contract.poortwachtergarantie,
        })
        for (const d of contract.deadlines) {
          const m = dossier.milestones.find((x) => x.key === d.key)
          expect(m?.due).toBe(d.due)
          expect(m?.status === 'due-soon' ? 'open' : m?.status).toBe(d.status)
          expect(m?.doneOn).toBe(d.doneOn)
        }
      }),
    )
  })
})
