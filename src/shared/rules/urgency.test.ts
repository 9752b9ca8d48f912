import { describe, expect, it } from 'vitest'
import { isoDate, type IsoDate } from '../kernel/iso-date'
import { computeDossierTimeline, type DossierTimelineInput } from './dossier-timeline'
import { caseloadUrgency, urgencyOf } from './urgency'

const d = isoDate
const at = (today: string, over: Partial<DossierTimelineInput> = {}) => {
  const input: DossierTimelineInput = {
    today: d(today),
    profile: 'wettelijk',
    sickPeriods: [{ start: d('2025-01-06') }],
    marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-07') }],
    ...over,
  }
  return caseloadUrgency(computeDossierTimeline(input), d(today))
}

describe('caseload urgency: overdue first, then due within 7 days, then within 14', () => {
  it.each([
    ['an overdue probleemanalyse', '2025-02-20', 0, 'probleemanalyse'],
    ['the probleemanalyse due in 4 days', '2025-02-12', 1, 'probleemanalyse'],
    ['the probleemanalyse due in exactly 7 days', '2025-02-09', 1, 'probleemanalyse'],
    ['the probleemanalyse due in 11 days', '2025-02-05', 2, 'probleemanalyse'],
    ['the probleemanalyse due in 30 days', '2025-01-17', 3, 'probleemanalyse'],
  ])('%s ranks %i', (_name, today, rank, key) => {
    expect(at(today)).toMatchObject({ rank, next: { key } })
  })

  it('names the oldest overdue action and counts every overdue one', () => {
    const u = at('2025-03-10')
    expect(u).toMatchObject({ rank: 0, overdue: 2, next: { key: 'probleemanalyse' } })
  })

  it('counts milestones per status', () => {
    const u = at('2025-03-10')
    expect(u.counts).toMatchObject({ done: 1, overdue: 2 })
    const total = Object.values(u.counts).reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(9)
  })

  it('events (end of wage continuation) never make a dossier urgent', () => {
    // Recovered long ago: only events and not-applicable steps are left.
    const u = at('2027-06-01', {
      sickPeriods: [{ start: d('2025-01-06'), end: d('2025-01-10') }],
      marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-07') }],
    })
    expect(u.rank).toBe(4)
    expect(u.next).toBeUndefined()
  })

  it('a dossier without sick periods has nothing to do', () => {
    expect(caseloadUrgency(undefined, d('2025-02-05'))).toMatchObject({ rank: 4, overdue: 0 })
  })

  it('one number sorts: rank first, then the earlier date', () => {
    const keys = [
      at('2025-02-12').sortKey, // rank 1
      at('2025-02-20').sortKey, // rank 0
      at('2025-01-17').sortKey, // rank 3
      at('2025-02-05', { sickPeriods: [{ start: d('2025-01-07') }] }).sortKey, // rank 2, a day later
      at('2025-02-05').sortKey, // rank 2
    ]
    const order = keys
      .map((k, i) => [k, i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i)
    expect(order).toEqual([1, 0, 4, 3, 2])
  })

  it('urgencyOf keeps the shape the caseload screen uses', () => {
    const t = computeDossierTimeline({
      today: d('2025-02-20') as IsoDate,
      profile: 'wettelijk',
      sickPeriods: [{ start: d('2025-01-06') }],
      marks: [],
    })
    expect(urgencyOf(t, d('2025-02-20'))).toEqual({
      rank: 0,
      next: expect.objectContaining({ key: 'melding-arbodienst' }),
      overdue: 2,
    })
  })
})
