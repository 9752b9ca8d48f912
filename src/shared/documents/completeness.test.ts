import { describe, expect, it } from 'vitest'
import { isoDate } from '../kernel/iso-date'
import { checkRivCompleteness } from './completeness'
import { parseDossierExport, type DossierExport } from './dossier-export'
import { halfFinishedExport } from './test-support'
import fixture from '../../../test/fixtures/voorbeeld-dossier.json'

function parsed(value: unknown): DossierExport {
  const r = parseDossierExport(value)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('checkRivCompleteness', () => {
  it('lists exactly what a half-finished dossier lacks, per part', () => {
    // Due dates as the rule core gives them (probleemanalyse: day 42 = D + 41).
    const dates = { due: { probleemanalyse: isoDate('2024-02-18') } }
    const result = checkRivCompleteness(parsed(halfFinishedExport()), isoDate('2025-10-01'), dates)
    expect(result.complete).toBe(false)
    expect(result.issues.map((i) => [i.part, i.kind, i.documentId ?? ''])).toEqual([
      ['administratief', 'ontbreekt', ''],
      ['administratief', 'ontbreekt', ''],
      ['probleemanalyse', 'te-laat', 'pa1'],
      ['probleemanalyse', 'bijlage-ontbreekt', 'pa1'],
      ['plan-van-aanpak', 'ongedateerd', 'p1'],
      ['plan-van-aanpak', 'auteur-onvolledig', 'p1'],
      ['plan-van-aanpak', 'niet-overhandigd', 'p1'],
      ['plan-van-aanpak', 'niet-ondertekend', 'p1'],
      ['plan-van-aanpak', 'ontbreekt', ''],
      ['evaluaties', 'ontbreekt', ''],
      ['actueel-oordeel', 'ontbreekt', ''],
      ['eindevaluatie', 'ontbreekt', ''],
      ['oordeel-werknemer', 'ontbreekt', ''],
      ['medische-informatie', 'medische-bijlage', 'a-med'],
    ])
    const byKind = (k: string) => result.issues.filter((i) => i.kind === k).map((i) => i.message)
    expect(byKind('niet-ondertekend')).toEqual([
      'Plan van Aanpak is niet ondertekend door de werknemer.',
    ])
    expect(byKind('te-laat')[0]).toContain('na de uiterste datum 18-02-2024')
  })

  it('refuses every attachment marked medical, and a document leaning on one is incomplete', () => {
    const input = halfFinishedExport()
    const pa = input.documents?.probleemanalyses?.[0]
    if (pa) pa.attachmentId = 'a-med'
    const result = checkRivCompleteness(parsed(input), isoDate('2025-10-01'))
    expect(result.issues.filter((i) => i.kind === 'medische-bijlage')).toHaveLength(1)
    expect(
      result.issues.some((i) => i.kind === 'bijlage-ontbreekt' && i.documentId === 'pa1'),
    ).toBe(true)
  })

  it('finds the complete example dossier complete, with the medical attachment refused', () => {
    const result = checkRivCompleteness(parsed(fixture), isoDate('2025-10-09'))
    expect(result.complete).toBe(true)
    expect(result.issues.map((i) => `${i.kind}:${i.documentId}`)).toEqual([
      'medische-bijlage:att-med',
    ])
  })

  it('warns about medical wording in employer texts and an eindevaluatie before the actueel oordeel', () => {
    const exp = parsed(fixture)
    const ee = exp.documents.eindevaluatie
    if (!ee) throw new Error('fixture without eindevaluatie')
    const changed: DossierExport = {
      ...exp,
      documents: {
        ...exp.documents,
        eindevaluatie: {
          ...ee,
          date: isoDate('2025-08-01'),
          suitableWorkView: 'Na de operatie geen werk.',
        },
      },
    }
    const kinds = checkRivCompleteness(changed, isoDate('2025-10-09')).issues.map((i) => i.kind)
    expect(kinds).toContain('medische-termen')
    expect(kinds).toContain('volgorde')
  })

  it('is time-aware: what is not yet due is "nog niet aan de orde", not "blokkerend"', () => {
    // An empty dossier in week 11 (D = 8 Jan 2024): the probleemanalyse and the plan are due,
    // the eerstejaarsevaluatie, actueel oordeel and eindevaluatie are not.
    const input = halfFinishedExport()
    input.documents = {}
    const dates = {
      due: {
        probleemanalyse: isoDate('2024-02-18'),
        'plan-van-aanpak': isoDate('2024-03-03'),
        eerstejaarsevaluatie: isoDate('2025-01-05'),
        'actueel-oordeel': isoDate('2025-10-05'),
        're-integratieverslag': isoDate('2025-10-05'),
      },
    }
    const result = checkRivCompleteness(parsed(input), isoDate('2024-03-20'), dates)
    const severity = (part: string) =>
      result.issues.filter((i) => i.part === part && i.kind === 'ontbreekt').map((i) => i.severity)
    expect(severity('probleemanalyse')).toEqual(['blokkerend'])
    expect(severity('plan-van-aanpak')).toEqual(['blokkerend'])
    expect(severity('evaluaties')).toEqual(['nog-niet-aan-de-orde'])
    expect(severity('actueel-oordeel')).toEqual(['nog-niet-aan-de-orde'])
    expect(severity('eindevaluatie')).toEqual(['nog-niet-aan-de-orde'])
    expect(severity('oordeel-werknemer')).toEqual(['nog-niet-aan-de-orde'])
    expect(result.complete).toBe(false)
    // In week 92 the same gaps all block.
    const late = checkRivCompleteness(parsed(input), isoDate('2025-10-10'), dates)
    expect(
      late.issues.filter((i) => i.kind === 'ontbreekt').every((i) => i.severity === 'blokkerend'),
    ).toBe(true)
  })

  it("lists the rule core's evaluation-rhythm warnings as warnings of the plan", () => {
    const message = 'Er is geen volgende evaluatie gepland.'
    const result = checkRivCompleteness(parsed(fixture), isoDate('2025-10-09'), {
      evaluationWarnings: [message],
    })
    expect(result.issues).toContainEqual({
      part: 'plan-van-aanpak',
      kind: 'evaluatieritme',
      severity: 'waarschuwing',
      message,
    })
    expect(result.complete).toBe(true)
  })
})
