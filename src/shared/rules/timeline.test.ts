import { describe, expect, it } from 'vitest'
import examples from '../../../test/fixtures/timeline/contract-examples.json'
import { addDays, isoDate } from '../kernel/iso-date'
import { parseTimelineCase } from './case-input'
import { computeTimeline, type TimelineResult } from './timeline'

const run = (input: unknown): TimelineResult => {
  const parsed = parseTimelineCase(input)
  if (!parsed.ok) throw new Error(parsed.error)
  return computeTimeline(parsed.value)
}
const dueOf = (r: TimelineResult, key: string) => r.deadlines.find((d) => d.key === key)?.due
const statusOf = (r: TimelineResult, key: string) => r.deadlines.find((d) => d.key === key)?.status

describe('the worked examples of docs/timeline-contract.md (test/fixtures/timeline/contract-examples.json)', () => {
  it('the contract text: sick since Monday 6 January 2025, evaluated on 1 March 2025', () => {
    const r = run({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] })
    expect(r).toMatchObject({
      firstSickDay: '2025-01-06',
      countedSickDays: 55,
      sickWeek: 8,
      lastWageDay: '2027-01-03',
    })
    expect(r.deadlines.map((d) => d.due)).toEqual([
      '2025-01-12',
      '2025-02-16',
      '2025-03-02',
      '2025-10-27',
      '2026-01-04',
      '2026-10-04',
      '2026-10-18',
    ])
    expect(r.deadlines.map((d) => d.status)).toEqual([
      'overdue',
      'overdue',
      'open',
      'open',
      'open',
      'open',
      'open',
    ])
  })

  it('the fixture is the shared document, byte for byte in content', () => {
    expect(examples).toHaveLength(14)
  })

  it.each(examples.map((e, i) => [i, e] as const))(
    'example %i gives exactly the documented result',
    (_i, example) => {
      expect(run(example.input)).toEqual(example.output)
    },
  )
})

describe('domain §2.0: continuous sickness from Monday 6 January 2025', () => {
  const r = run({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] })
  it.each([
    ['T02 report to the arbodienst (practice D+6)', 'melding-arbodienst', '2025-01-12'],
    ['T03 probleemanalyse, Sunday of week 6 (D+41)', 'probleemanalyse', '2025-02-16'],
    ['T04 plan van aanpak, Sunday of week 8 (D+55)', 'plan-van-aanpak', '2025-03-02'],
    ['T08 42-week report, Monday 27 October 2025 (D+294)', 'melding-uwv-42', '2025-10-27'],
    [
      'T09 eerstejaarsevaluatie, Sunday 4 January 2026 (D+363)',
      'eerstejaarsevaluatie',
      '2026-01-04',
    ],
    ['T13/T14 RIV, Sunday 4 October 2026 (D+636)', 're-integratieverslag', '2026-10-04'],
    ['T15 WIA application, Sunday 18 October 2026 (D+650)', 'wia-aanvraag', '2026-10-18'],
  ])('%s', (_name, key, due) => {
    expect(dueOf(r, key)).toBe(due)
  })
  it('T16: the last wage day is Sunday 3 January 2027 (D+727)', () => {
    expect(r.lastWageDay).toBe('2027-01-03')
  })
  it('the 42-week report falls on the same weekday as D (§2.8)', () => {
    expect(new Date(`${dueOf(r, 'melding-uwv-42')}T00:00:00Z`).getUTCDay()).toBe(1)
  })
})

describe('samentelling: the < 4-weeks rule (domain §3.2)', () => {
  it('reference case: sick 6 Jan – 2 Mar, again from 24 Mar (gap 21): one case, everything 21 days later', () => {
    const r = run({
      today: '2025-04-01',
      sickPeriods: [{ start: '2025-01-06', end: '2025-03-02' }, { start: '2025-03-24' }],
    })
    expect(r).toMatchObject({ firstSickDay: '2025-01-06', periodsInCase: 2 })
    expect(dueOf(r, 'melding-uwv-42')).toBe('2025-11-17')
    expect(dueOf(r, 'wia-aanvraag')).toBe('2026-11-08')
    expect(r.lastWageDay).toBe('2027-01-24')
  })

  it('reference case with new sickness on 31 March (gap exactly 28): a new case from 31 March', () => {
    const r = run({
      today: '2025-04-01',
      sickPeriods: [{ start: '2025-01-06', end: '2025-03-02' }, { start: '2025-03-31' }],
    })
    expect(r).toMatchObject({ firstSickDay: '2025-03-31', periodsInCase: 1 })
    expect(dueOf(r, 'melding-uwv-42')).toBe(addDays(isoDate('2025-03-31'), 294))
  })

  it('RVI Register: sick 3 Jan – 3 Jul 2022, fit 4–24 Jul, sick again 25 Jul: the 104 weeks end 21 days later', () => {
    const continuous = run({ today: '2022-08-01', sickPeriods: [{ start: '2022-01-03' }] })
    const chained = run({
      today: '2022-08-01',
      sickPeriods: [{ start: '2022-01-03', end: '2022-07-03' }, { start: '2022-07-25' }],
    })
    // RVI Register names the first day after: 1 Jan 2024 becomes 22 Jan 2024.
    expect(addDays(continuous.lastWageDay, 1)).toBe('2024-01-01')
    expect(addDays(chained.lastWageDay, 1)).toBe('2024-01-22')
    expect(chained.lastWageDay).toBe('2024-01-21')
  })

  it('a gap of 27 days chains; the gap days are not counted', () => {
    const r = run({
      today: '2025-06-02',
      sickPeriods: [{ start: '2025-01-06', end: '2025-01-31' }, { start: '2025-02-28' }],
    })
    expect(r.periodsInCase).toBe(2)
    // 26 counted days in period 1, so day 42 is the 16th day of period 2.
    expect(dueOf(r, 'probleemanalyse')).toBe('2025-03-15')
    expect(r.countedSickDays).toBe(26 + 95)
  })

  it('three periods chain backwards from the most recent; an older one beyond 28 days stays out', () => {
    const r = run({
      today: '2025-06-30',
      sickPeriods: [
        { start: '2024-09-02', end: '2024-09-20' },
        { start: '2025-01-06', end: '2025-01-20' },
        { start: '2025-02-03', end: '2025-02-28' },
        { start: '2025-03-10' },
      ],
    })
    expect(r).toMatchObject({ firstSickDay: '2025-01-06', periodsInCase: 3 })
  })

  it('cause is irrelevant for the four-week rule: sameCauseAroundLeave=false without a leave still chains', () => {
    const r = run({
      today: '2025-06-02',
      sickPeriods: [{ start: '2025-01-06', end: '2025-01-31' }, { start: '2025-02-11' }],
      sameCauseAroundLeave: false,
    })
    expect(r.periodsInCase).toBe(2)
  })
})

describe('WAZO pregnancy and maternity leave (domain §3.3)', () => {
  const aroundLeave = (sameCause: boolean) => ({
    today: '2025-10-01',
    sickPeriods: [{ start: '2024-11-04', end: '2024-12-20' }, { start: '2025-04-22' }],
    leaves: [{ start: '2024-12-27', end: '2025-04-17' }],
    sameCauseAroundLeave: sameCause,
  })

  it('leave before the new sickness, same cause: one case; leave days do not count toward the gap', () => {
    expect(run(aroundLeave(true))).toMatchObject({ firstSickDay: '2024-11-04', periodsInCase: 2 })
  })

  it('leave between periods, different cause: a new case after the leave', () => {
    expect(run(aroundLeave(false))).toMatchObject({ firstSickDay: '2025-04-22', periodsInCase: 1 })
  })

  it('a long leave with more than 27 ordinary days around it does not chain, even with the same cause', () => {
    const r = run({
      today: '2025-10-01',
      sickPeriods: [{ start: '2024-11-04', end: '2024-12-01' }, { start: '2025-05-20' }],
      leaves: [{ start: '2024-12-27', end: '2025-04-17' }],
    })
    // 25 days before the leave + 32 after it = 57 ordinary days.
    expect(r.periodsInCase).toBe(1)
  })

  it('leave inside a sick period is not counted: every later deadline moves by the leave days', () => {
    const without = run({ today: '2025-03-01', sickPeriods: [{ start: '2025-01-06' }] })
    const withLeave = run({
      today: '2025-03-01',
      sickPeriods: [{ start: '2025-01-06' }],
      leaves: [{ start: '2025-02-01', end: '2025-02-10' }],
    })
    for (const key of ['probleemanalyse', 'melding-uwv-42', 'wia-aanvraag']) {
      expect(dueOf(withLeave, key)).toBe(addDays(isoDate(dueOf(without, key) as string), 10))
    }
    expect(withLeave.countedSickDays).toBe(without.countedSickDays - 10)
    expect(withLeave.lastWageDay).toBe(addDays(without.lastWageDay, 10))
  })

  it('a leave after the sickness ended still shifts the projected deadlines (the projection skips leave)', () => {
    const r = run({
      today: '2025-03-01',
      sickPeriods: [{ start: '2025-01-06', end: '2025-02-28' }],
      leaves: [{ start: '2025-05-01', end: '2025-05-10' }],
    })
    expect(dueOf(r, 'melding-uwv-42')).toBe('2025-11-06')
    expect(statusOf(r, 'melding-uwv-42')).toBe('not-applicable')
  })

  it('overlapping leaves are one leave: no day is excluded twice', () => {
    const one = run({
      today: '2025-03-01',
      sickPeriods: [{ start: '2025-01-06' }],
      leaves: [{ start: '2025-02-01', end: '2025-02-20' }],
    })
    const two = run({
      today: '2025-03-01',
      sickPeriods: [{ start: '2025-01-06' }],
      leaves: [
        { start: '2025-02-01', end: '2025-02-15' },
        { start: '2025-02-10', end: '2025-02-20' },
      ],
    })
    expect(two).toEqual(one)
  })
})

describe('plan van aanpak (Regeling procesgang art. 4 lid 1)', () => {
  it('after a late probleemanalyse it is due 14 days after it, not at the end of week 8', () => {
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
    expect(r.deadlines[2]).toEqual({ key: 'plan-van-aanpak', due: '2025-03-24', status: 'overdue' })
  })

  it('after an early probleemanalyse it is due earlier than week 8 too', () => {
    const r = run({
      today: '2025-02-01',
      sickPeriods: [{ start: '2025-01-06' }],
      done: { probleemanalyse: '2025-01-20' },
    })
    expect(dueOf(r, 'plan-van-aanpak')).toBe('2025-02-03')
  })

  it('a probleemanalyse of an earlier case is ignored (example 9 of the fixture)', () => {
    const r = run({
      today: '2025-05-01',
      sickPeriods: [{ start: '2024-01-08', end: '2024-02-20' }, { start: '2025-04-07' }],
      done: { probleemanalyse: '2024-02-10', 'plan-van-aanpak': '2024-02-20' },
    })
    expect(dueOf(r, 'plan-van-aanpak')).toBe('2025-06-01')
    expect(statusOf(r, 'plan-van-aanpak')).toBe('open')
  })
})

describe('statuses, first rule that applies (docs/timeline-contract.md)', () => {
  const base = { sickPeriods: [{ start: '2025-01-06', end: '2025-03-31' }] }
  it('done on the due date is done; a day later is done-late', () => {
    expect(
      statusOf(
        run({ ...base, today: '2025-04-01', done: { probleemanalyse: '2025-02-16' } }),
        'probleemanalyse',
      ),
    ).toBe('done')
    expect(
      statusOf(
        run({ ...base, today: '2025-04-01', done: { probleemanalyse: '2025-02-17' } }),
        'probleemanalyse',
      ),
    ).toBe('done-late')
  })
  it('after the case ended, later deadlines are not applicable, earlier ones stay overdue', () => {
    const r = run({ ...base, today: '2025-04-01' })
    expect(statusOf(r, 'probleemanalyse')).toBe('overdue')
    expect(statusOf(r, 'melding-uwv-42')).toBe('not-applicable')
  })
  it('the report to the arbodienst is never not-applicable, even for a one-day sickness', () => {
    const r = run({
      today: '2025-03-01',
      sickPeriods: [{ start: '2025-01-06', end: '2025-01-06' }],
    })
    expect(statusOf(r, 'melding-arbodienst')).toBe('overdue')
  })
  it('due today is still open; the day after it is overdue', () => {
    const c = { sickPeriods: [{ start: '2025-01-06' }] }
    expect(statusOf(run({ ...c, today: '2025-02-16' }), 'probleemanalyse')).toBe('open')
    expect(statusOf(run({ ...c, today: '2025-02-17' }), 'probleemanalyse')).toBe('overdue')
  })
  it('today before the first sick day: no counted days, sick week 0', () => {
    const r = run({ today: '2025-01-01', sickPeriods: [{ start: '2025-01-06' }] })
    expect(r).toMatchObject({ countedSickDays: 0, sickWeek: 0 })
  })
})

describe('policy profiles: the report to the arbodienst and the poortwachtergarantie (domain §6.1, §6.4)', () => {
  const base = {
    today: '2025-01-20',
    sickPeriods: [{ start: '2025-01-06' }],
    reportedByEmployee: '2025-01-07',
  }
  it.each([
    ['wettelijk (practice: within a week)', 'wettelijk', '2025-01-13', 'not-applicable'],
    [
      'a.s.r. Re-integratiemanager (no contract term)',
      'asr-reintegratiemanager',
      '2025-01-13',
      'active',
    ],
    [
      'De Amersfoortse (two days, seed 000 art. 4.1)',
      'amersfoortse-ontzorgmanager',
      '2025-01-09',
      'lapsed',
    ],
    ['De Goudse (four days, seed 003 art. 4.1)', 'goudse-op-maat', '2025-01-11', 'lapsed'],
  ])('%s: due %s; reported on 12 January the guarantee is %s', (_n, profile, due, guarantee) => {
    const r = run({ ...base, profile, done: { 'melding-arbodienst': '2025-01-12' } })
    expect(r.deadlines[0]?.due).toBe(due)
    expect(r.poortwachtergarantie).toBe(guarantee)
  })

  it.each(['amersfoortse-ontzorgmanager', 'goudse-op-maat'])(
    '%s: on time keeps the guarantee active; not yet reported after the term lapses it',
    (profile) => {
      expect(
        run({ ...base, profile, done: { 'melding-arbodienst': '2025-01-08' } })
          .poortwachtergarantie,
      ).toBe('active')
      expect(run({ ...base, profile }).poortwachtergarantie).toBe('lapsed')
      expect(run({ ...base, today: '2025-01-08', profile }).poortwachtergarantie).toBe('active')
    },
  )

  it('the term runs from the employee’s sick report, or from D when that is not given', () => {
    const r = run({
      today: '2025-01-20',
      profile: 'goudse-op-maat',
      sickPeriods: [{ start: '2025-01-06' }],
    })
    expect(r.deadlines[0]?.due).toBe('2025-01-10')
  })
})
