import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, isoDate, type IsoDate } from '../kernel/iso-date'
import { computeDossierTimeline, type DossierTimelineInput } from './dossier-timeline'
import {
  PARAMETERS,
  paramOn,
  versionOn,
  versionsOf,
  type ParameterKey,
  type ParameterTable,
} from './parameters'

const d = (s: string) => isoDate(s) as IsoDate
const continuous = (start: IsoDate, today: IsoDate, parameters?: ParameterTable) => {
  const input: DossierTimelineInput = {
    today,
    profile: 'wettelijk',
    sickPeriods: [{ start }],
    marks: [],
  }
  const t = computeDossierTimeline(parameters ? { ...input, parameters } : input)
  if (!t) throw new Error('no timeline')
  return t
}
const due = (t: ReturnType<typeof continuous>, key: string) =>
  t.milestones.find((m) => m.key === key)?.due

/** A table in which `key` gets a new version from `validFrom`; the old one ends the day before. */
function withNewVersion(
  key: ParameterKey,
  value: number,
  validFrom: IsoDate,
  table: ParameterTable = PARAMETERS,
): ParameterTable {
  const current = table[key]
  const { earlier, unit, ...old } = current
  return {
    ...table,
    [key]: {
      unit,
      value,
      source: 'Synthetische wetswijziging (test)',
      evidence: 'UNVERIFIED',
      validFrom,
      earlier: [{ ...old, validTo: addDays(validFrom, -1) }, ...(earlier ?? [])],
    },
  }
}

describe('parameter versions: the version in force on the relevant date', () => {
  it('every entry lists its versions newest first, without overlap', () => {
    for (const p of Object.values(PARAMETERS)) {
      const versions = versionsOf(p)
      for (let i = 1; i < versions.length; i++) {
        const newer = versions[i - 1]
        const older = versions[i]
        expect(older?.validTo).toBeDefined()
        expect((older?.validTo as string) < (newer?.validFrom as string)).toBe(true)
      }
    }
  })

  it.each([
    ['2013-06-30', 609, 'vóór de Verzamelwet SZW 2013'],
    ['2013-07-01', 623, 'Verzamelwet SZW 2013'],
    ['2026-01-01', 623, 'Verzamelwet SZW 2013'],
    ['1999-01-01', 609, 'vóór de Verzamelwet SZW 2013'], // before the first version: the oldest
  ] as const)('UWV WIA letter on %s: day %i (%s)', (date, value, source) => {
    expect(paramOn('uwvWiaLetterDay', d(date))).toBe(value)
    expect(versionOn('uwvWiaLetterDay', d(date)).source).toContain(source)
  })
})

describe('the law changed: UWV writes about the WIA application by week 89, before July 2013 by week 87 (WIA 64 lid 2, domain §2.12)', () => {
  it.each([
    ['letter due in 2012: 87 weeks, D+608', '2011-01-03', '2012-09-02'],
    ['letter due in September 2013: 89 weeks, D+622', '2012-01-02', '2013-09-15'],
    [
      '89 weeks would fall on 28 June 2013, before the change: 87 weeks',
      '2011-10-15',
      '2013-06-14',
    ],
    ['89 weeks falls on 5 July 2013, after the change: 89 weeks', '2011-10-22', '2013-07-05'],
    ['the reference case D = 6 Jan 2025: 89 weeks', '2025-01-06', '2026-09-20'],
  ] as const)('%s', (_name, start, letter) => {
    expect(due(continuous(d(start), d(start)), 'uwv-wia-brief')).toBe(letter)
  })
})

describe('a future change in the table changes results only for dates on or after its validFrom', () => {
  const future = withNewVersion('wiaAanvraagDay', 665, d('2030-01-01')) // week 95 from 2030

  it('a WIA application due before 2030 keeps week 93; one due after moves to week 95', () => {
    const now = continuous(d('2025-01-06'), d('2025-02-01'), future)
    expect(now.milestones).toEqual(continuous(d('2025-01-06'), d('2025-02-01')).milestones)
    const later = continuous(d('2029-06-04'), d('2029-07-01'), future)
    expect(due(later, 'wia-aanvraag')).toBe('2031-03-30') // D+664
    expect(due(continuous(d('2029-06-04'), d('2029-07-01')), 'wia-aanvraag')).toBe('2031-03-16')
  })

  it('property: every due date is either unchanged or falls on or after validFrom', () => {
    const keys: ParameterKey[] = [
      'probleemanalyseDay',
      'melding42Day',
      'eerstejaarsevaluatieDay',
      'wiaAanvraagDay',
      'uwvWiaLetterDay',
      'lastWageDay',
      'zwVangnetReportDay',
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6000 }), // first sick day from 2016
        fc.integer({ min: 0, max: 7000 }), // validFrom from 2018
        fc.constantFrom(...keys),
        fc.integer({ min: -14, max: 14 }).filter((n) => n !== 0),
        (startOffset, fromOffset, key, delta) => {
          const start = addDays(d('2016-01-04'), startOffset)
          const validFrom = addDays(d('2018-01-01'), fromOffset)
          const table = withNewVersion(key, PARAMETERS[key].value + delta, validFrom)
          const input = { safetyNet: 'ja' as const }
          const mk = (parameters?: ParameterTable) => {
            const base: DossierTimelineInput = {
              today: addDays(start, 30),
              profile: 'wettelijk',
              sickPeriods: [{ start }],
              marks: [],
              ...input,
            }
            return computeDossierTimeline(parameters ? { ...base, parameters } : base)
          }
          const before = mk()
          const after = mk(table)
          for (const m of after?.milestones ?? []) {
            const old = before?.milestones.find((x) => x.key === m.key)
            if (old?.due !== m.due) expect(m.due >= validFrom).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
