import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import examples from '../../../test/fixtures/timeline/contract-examples.json'
import { addDays, isoDate, type IsoDate } from '../kernel/iso-date'
import { parseTimelineCase } from './case-input'
import { computeTimeline, type TimelineCase } from './timeline'

const run = (input: unknown) => {
  const parsed = parseTimelineCase(input)
  if (!parsed.ok) throw new Error(parsed.error)
  return computeTimeline(parsed.value)
}
const dueOf = (r: ReturnType<typeof computeTimeline>, key: string) =>
  r.deadlines.find((d) => d.key === key)?.due

describe('the worked examples of the timeline contract', () => {
  it.each(examples.map((e, i) => [i, e] as const))(
    'example %i gives exactly the documented result',
    (_i, example) => {
      expect(run(example.input)).toEqual(example.output)
    },
  )
})

describe('continuous sickness from Monday 6 January 2025 (domain §2.0)', () => {
  const r = run({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] })
  it.each([
    ['melding-arbodienst', '2025-01-12'],
    ['probleemanalyse', '2025-02-16'],
    ['plan-van-aanpak', '2025-03-02'],
    ['melding-uwv-42', '2025-10-27'],
    ['eerstejaarsevaluatie', '2026-01-04'],
    ['re-integratieverslag', '2026-10-04'],
    ['wia-aanvraag', '2026-10-18'],
  ])('%s is due %s', (key, due) => {
    expect(dueOf(r, key)).toBe(due)
  })
  it('counts 55 sick days in week 8 and ends wage continuation on Sunday 3 January 2027', () => {
    expect(r).toMatchObject({ countedSickDays: 55, sickWeek: 8, lastWageDay: '2027-01-03' })
  })
})

describe('samentelling (BW 7:629 lid 10; domain §3.2)', () => {
  const twoPeriods = (gap: number) => ({
    today: '2025-06-02',
    sickPeriods: [
      { start: '2025-01-06', end: '2025-01-31' },
      { start: addDays(isoDate('2025-01-31'), gap + 1) },
    ],
  })
  it('a gap of 21 days chains: D stays the first period’s start and the gap days are not counted', () => {
    const r = run(twoPeriods(21))
    expect(r.firstSickDay).toBe('2025-01-06')
    expect(r.periodsInCase).toBe(2)
    // 26 counted days in period 1, so day 42 falls 16 days into period 2 (starts 22 Feb).
    expect(dueOf(r, 'probleemanalyse')).toBe('2025-03-09')
  })
  it('a gap of 27 days still chains; a gap of exactly 28 starts a new case', () => {
    expect(run(twoPeriods(27)).periodsInCase).toBe(2)
    const fresh = run(twoPeriods(28))
    expect(fresh.periodsInCase).toBe(1)
    expect(fresh.firstSickDay).toBe('2025-03-01')
  })
  it('cause does not matter for the four-week rule: no input about cause is even needed', () => {
    expect(run({ ...twoPeriods(10), sameCauseAroundLeave: false }).periodsInCase).toBe(2)
  })
})

describe('WAZO leave (domain §3.3)', () => {
  const aroundLeave = (sameCause: boolean) => ({
    today: '2025-10-01',
    sickPeriods: [{ start: '2024-11-04', end: '2024-12-20' }, { start: '2025-04-22' }],
    leaves: [{ start: '2024-12-27', end: '2025-04-17' }],
    sameCauseAroundLeave: sameCause,
  })
  it('sickness before and after a leave with the same cause is one case; leave days do not count toward the gap', () => {
    expect(run(aroundLeave(true))).toMatchObject({ firstSickDay: '2024-11-04', periodsInCase: 2 })
  })
  it('with a different cause the leave starts a new case', () => {
    expect(run(aroundLeave(false))).toMatchObject({ firstSickDay: '2025-04-22', periodsInCase: 1 })
  })
  it('leave inside a sick period pushes every later deadline back by the leave days', () => {
    const without = run({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] })
    const withLeave = run({
      today: '2025-03-01',
      sickPeriods: [{ start: '2025-01-06' }],
      leaves: [{ start: '2025-02-01', end: '2025-02-10' }],
    })
    expect(dueOf(withLeave, 'probleemanalyse')).toBe(
      addDays(isoDate(dueOf(without, 'probleemanalyse') as string), 10),
    )
    expect(withLeave.countedSickDays).toBe(without.countedSickDays - 10)
  })
})

describe('plan van aanpak after a late probleemanalyse (Regeling art. 4 lid 1)', () => {
  it('is due 14 days after the probleemanalyse, not at the end of week 8', () => {
    const r = run({
      today: '2025-04-01',
      sickPeriods: [{ start: '2025-01-06' }],
      done: { probleemanalyse: '2025-03-10' },
    })
    expect(r.deadlines[1]).toEqual({
      key: 'probleemanalyse',
      due: '2025-02-16',
      status: 'done-late',
      doneOn: '2025-03-10',
    })
    expect(r.deadlines[2]).toMatchObject({
      key: 'plan-van-aanpak',
      due: '2025-03-24',
      status: 'overdue',
    })
  })
})

describe('policy profiles (domain §6.1, §6.4)', () => {
  const base = {
    today: '2025-01-20',
    sickPeriods: [{ start: '2025-01-06' }],
    reportedByEmployee: '2025-01-07',
  }
  it.each([
    ['wettelijk', '2025-01-13', 'not-applicable'],
    ['asr-reintegratiemanager', '2025-01-13', 'active'],
    ['amersfoortse-ontzorgmanager', '2025-01-09', 'lapsed'],
    ['goudse-op-maat', '2025-01-11', 'lapsed'],
  ])('%s: report due %s; reported on 12 January the guarantee is %s', (profile, due, guarantee) => {
    const r = run({ ...base, profile, done: { 'melding-arbodienst': '2025-01-12' } })
    expect(r.deadlines[0]?.due).toBe(due)
    expect(r.poortwachtergarantie).toBe(guarantee)
  })
  it('a report on time keeps the Amersfoortse guarantee active', () => {
    const r = run({
      ...base,
      profile: 'amersfoortse-ontzorgmanager',
      done: { 'melding-arbodienst': '2025-01-08' },
    })
    expect(r.poortwachtergarantie).toBe('active')
  })
})

describe('invalid input names the field', () => {
  it.each([
    [{ sickPeriods: [{ start: '2025-01-06' }] }, 'today is missing (must be a date YYYY-MM-DD)'],
    [{ today: '2025-02-30', sickPeriods: [{ start: '2025-01-06' }] }, 'today is not a valid date'],
    [{ today: '2025-03-01', sickPeriods: [] }, 'sickPeriods must contain at least one sick period'],
    [
      { today: '2025-03-01', sickPeriods: [{ start: '2025-01-06', end: '2025-01-01' }] },
      'sickPeriods[0].end is before start',
    ],
    [
      { today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }, { start: '2025-02-06' }] },
      'sickPeriods[0].end is missing',
    ],
    [
      {
        today: '2025-03-01',
        sickPeriods: [{ start: '2025-01-06', end: '2025-01-20' }, { start: '2025-01-10' }],
      },
      'sickPeriods[1].start overlaps',
    ],
    [
      { today: '2025-03-01', sickPeriods: [{ start: '2025-01-06', end: '2025-04-01' }] },
      'sickPeriods[0].end is after today',
    ],
    [
      { today: '2025-03-01', profile: 'onbekend', sickPeriods: [{ start: '2025-01-06' }] },
      'profile must be one of',
    ],
    [
      {
        today: '2025-03-01',
        sickPeriods: [{ start: '2025-01-06' }],
        leaves: [{ start: '2025-02-06', end: '2025-02-01' }],
      },
      'leaves[0].end is before start',
    ],
    [
      {
        today: '2025-03-01',
        sickPeriods: [{ start: '2025-01-06' }],
        done: { onbekend: '2025-01-07' },
      },
      'done.onbekend is not a deadline key',
    ],
    ['geen object', 'must be a case object'],
  ])('%j → %s', (input, message) => {
    const r = parseTimelineCase(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain(message)
  })
})

// ── Properties ────────────────────────────────────────────────────────────────────────────

const arbCase = fc
  .record({
    origin: fc.integer({ min: 0, max: 3000 }),
    spans: fc.array(
      fc.record({ length: fc.integer({ min: 0, max: 120 }), gap: fc.integer({ min: 1, max: 60 }) }),
      { minLength: 1, maxLength: 5 },
    ),
    open: fc.boolean(),
    todayAfter: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ origin, spans, open, todayAfter }): TimelineCase => {
    let day = addDays(isoDate('2020-01-06'), origin)
    const sickPeriods: { start: IsoDate; end?: IsoDate }[] = []
    spans.forEach((s, i) => {
      const end = addDays(day, s.length)
      const last = i === spans.length - 1
      sickPeriods.push(last && open ? { start: day } : { start: day, end })
      day = addDays(end, s.gap + 1)
    })
    return { today: addDays(day, todayAfter), sickPeriods }
  })

const shift = (c: TimelineCase, k: number): TimelineCase => ({
  ...c,
  today: addDays(c.today, k),
  sickPeriods: c.sickPeriods.map((p) => ({
    start: addDays(p.start, k),
    ...(p.end ? { end: addDays(p.end, k) } : {}),
  })),
})

describe('properties of the clock', () => {
  it('moving every date of a case by k days moves every due date by k', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: -2000, max: 2000 }), (c, k) => {
        const a = computeTimeline(c)
        const b = computeTimeline(shift(c, k))
        expect(b.firstSickDay).toBe(addDays(a.firstSickDay, k))
        expect(b.lastWageDay).toBe(addDays(a.lastWageDay, k))
        b.deadlines.forEach((d, i) => {
          expect(d.due).toBe(addDays(a.deadlines[i]?.due as IsoDate, k))
          expect(d.status).toBe(a.deadlines[i]?.status)
        })
      }),
    )
  })

  it('a gap of 28 days or more never chains', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 28, max: 400 }), (c, gap) => {
        const last = c.sickPeriods[c.sickPeriods.length - 1] as { start: IsoDate; end?: IsoDate }
        const end = last.end ?? last.start
        const next = addDays(end, gap + 1)
        const r = computeTimeline({
          today: addDays(next, 1),
          sickPeriods: [...c.sickPeriods.slice(0, -1), { start: last.start, end }, { start: next }],
        })
        expect(r.periodsInCase).toBe(1)
        expect(r.firstSickDay).toBe(next)
      }),
    )
  })

  it('more counted sick days never move a due date earlier', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 1, max: 20 }), (c, extra) => {
        const first = c.sickPeriods[0] as { start: IsoDate; end?: IsoDate }
        if (!first.end || c.sickPeriods.length < 2) return
        const second = c.sickPeriods[1] as { start: IsoDate }
        // Lengthen the first period into its gap (never past the next period's start).
        const room = Math.max(0, Math.min(extra, daysBetweenIso(first.end, second.start) - 1))
        const longer = {
          ...c,
          sickPeriods: [
            { start: first.start, end: addDays(first.end, room) },
            ...c.sickPeriods.slice(1),
          ],
        }
        const a = computeTimeline(c)
        const b = computeTimeline(longer)
        if (a.firstSickDay !== b.firstSickDay) return
        b.deadlines
          .slice(1)
          .forEach((d, i) => expect(d.due <= (a.deadlines[i + 1]?.due as IsoDate)).toBe(true))
      }),
    )
  })
})

function daysBetweenIso(a: IsoDate, b: IsoDate): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000
}
