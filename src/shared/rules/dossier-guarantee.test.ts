import { describe, expect, it } from 'vitest'
import examples from '../../../test/fixtures/timeline/contract-examples.json'
import { isoDate } from '../kernel/iso-date'
import { parseTimelineCase } from './case-input'
import { computeDossierTimeline, type DossierTimelineInput } from './dossier-timeline'
import { computeTimeline } from './timeline'

/** The dossier result carries contract version 2's guarantee (status and reasons). */
const d = isoDate
const timeline = (over: Partial<DossierTimelineInput>) => {
  const t = computeDossierTimeline({
    today: d('2025-02-10'),
    profile: 'wettelijk',
    sickPeriods: [{ start: d('2025-01-06') }],
    marks: [],
    ...over,
  })
  if (!t) throw new Error('no timeline')
  return t
}

describe('the dossier’s contractGuarantee', () => {
  it('equals the contract’s guarantee for every example without version-2 fields', () => {
    for (const { input } of examples) {
      const parsed = parseTimelineCase(input)
      if (!parsed.ok) throw new Error(parsed.error)
      const c = parsed.value
      if (c.reports || c.guaranteeEvents || c.moduleStart || c.guaranteeOnPolicy === false) continue
      const t = timeline({
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
      expect(t.contractGuarantee).toEqual(computeTimeline(c).guarantee)
    }
  })

  it('De Amersfoortse: a late first ziekmelding, with its clause', () => {
    const t = timeline({
      profile: 'amersfoortse-ontzorgmanager',
      marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-09') }],
    })
    expect(t.contractGuarantee).toEqual({
      status: 'lapsed',
      since: '2025-01-09',
      reasons: [
        { ground: 'melding-arbodienst-late', on: '2025-01-09', source: 'seed 000 art. 4.1, 4.2' },
      ],
    })
    expect(t.poortwachtergarantie).toBe('lapsed')
  })

  it('De Goudse: the loonsanctie notice runs, is passed on in time, or lapses it', () => {
    const base = {
      profile: 'goudse-op-maat' as const,
      loonsanctieDecisionOn: d('2026-11-26'),
      marks: [{ key: 'melding-arbodienst', state: 'done' as const, date: d('2025-01-07') }],
    }
    expect(timeline({ ...base, today: d('2026-12-03') }).contractGuarantee).toEqual({
      status: 'at-risk',
      reasons: [{ ground: 'loonsanctie-due', on: '2026-12-03', source: 'seed 003 art. 2.3.3' }],
    })
    const told = {
      ...base,
      marks: [
        ...base.marks,
        { key: 'melding-loonsanctie-goudse', state: 'done' as const, date: d('2026-12-03') },
      ],
    }
    expect(timeline({ ...told, today: d('2026-12-10') }).contractGuarantee.status).toBe('active')
    expect(timeline({ ...base, today: d('2026-12-10') }).contractGuarantee).toMatchObject({
      status: 'lapsed',
      since: '2026-12-04',
      reasons: [{ ground: 'loonsanctie-missing', on: '2026-12-04' }],
    })
  })

  it('De Goudse: a requested voluntary extension lapses it from the request', () => {
    const t = timeline({
      profile: 'goudse-op-maat',
      today: d('2026-10-01'),
      marks: [{ key: 'melding-arbodienst', state: 'done', date: d('2025-01-07') }],
      voluntaryExtension: { weeks: 26, requestedOn: d('2026-09-15') },
    })
    expect(t.contractGuarantee).toEqual({
      status: 'lapsed',
      since: '2026-09-15',
      reasons: [{ ground: 'voluntary-extension', on: '2026-09-15', source: 'seed 003 art. 2.3.3' }],
    })
  })

  it('sickness from before the module start: not applicable, with the clause', () => {
    const t = timeline({
      profile: 'asr-reintegratiemanager',
      moduleStartDate: d('2025-01-13'),
    })
    expect(t.contractGuarantee).toEqual({
      status: 'not-applicable',
      reasons: [{ ground: 'pre-existing-sickness', on: '2025-01-13', source: 'seed 001 art. 3.2' }],
    })
  })

  it('wettelijk: not applicable without a reason', () => {
    expect(timeline({}).contractGuarantee).toEqual({ status: 'not-applicable', reasons: [] })
  })
})
