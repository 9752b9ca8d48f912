/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { parseIsoDate } from '../kernel/iso-date'
import { PARAMETERS, versionsOf, type Evidence } from './parameters'

const EVIDENCE: readonly Evidence[] = [
  'LAW',
  'REG',
  'UWV-BR',
  'UWV',
  'AP',
  'PRACTICE',
  'CONTRACT',
  'UNVERIFIED',
]

describe('the parameter table (domain §7.1)', () => {
  it.each(Object.entries(PARAMETERS))(
    '%s has a value, a source, an evidence level and validity (every version)',
    (_k, p) => {
      for (const v of versionsOf(p)) {
        expect(Number.isFinite(v.value)).toBe(true)
        expect(v.source.length).toBeGreaterThan(10)
        expect(EVIDENCE).toContain(v.evidence)
        expect(parseIsoDate(v.validFrom)).toBe(v.validFrom)
        if (v.validTo) expect(v.validTo > v.validFrom).toBe(true)
      }
    },
  )

  it.each([
    ['chainGapDays', 28],
    ['probleemanalyseDay', 42],
    ['planVanAanpakDaysAfterPa', 14],
    ['planVanAanpakDay', 56],
    ['melding42Day', 294],
    ['eerstejaarsevaluatieWindowStartDay', 316],
    ['eerstejaarsevaluatieDay', 364],
    ['uwvWiaLetterDay', 623],
    ['reintegratieverslagDay', 637],
    ['wiaAanvraagDay', 651],
    ['lastWageDay', 728],
    ['evaluatieIntervalDays', 42],
    ['cancellationHours', 24],
    ['uwv42FineMaxEur', 455],
    ['zwVangnetReportDay', 42],
    ['zwPregnancyReportDay', 4],
    ['zwFlexPeriodFromDaysBefore', 42],
    ['zwFlexPeriodUntilDaysBefore', 28],
    ['melding42Before81WeeksDay', 567],
    ['voluntaryExtensionMinWeeks', 13],
  ] as const)('%s is %i (domain §7.1)', (key, value) => {
    expect(PARAMETERS[key].value).toBe(value)
  })
})

/**
 * No magic numbers in rule code: the numbers of the law appear only in parameters.ts. The rule
 * files are read as text through Vite (no node:fs in src/shared).
 */
const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts', '!./parameters.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
const LAW_NUMBERS = [28, 42, 56, 294, 295, 316, 364, 455, 567, 609, 623, 637, 651, 728]

describe('rule code cites the parameter table instead of literals', () => {
  it('reads the rule files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10)
  })
  it.each(Object.entries(sources))('%s contains no law number as a literal', (_file, text) => {
    const code = text
      .replace(/\/\*[\s\S]*?\*\//g, '') // block comments
      .replace(/\/\/.*$/gm, '') // line comments
      .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''") // strings
    for (const n of LAW_NUMBERS) expect(code).not.toMatch(new RegExp(`(?<![\\w.])${n}(?![\\w.])`))
  })
})
