import { describe, expect, it } from 'vitest'
import { parseDossierExport, type DossierExport } from './dossier-export'
import { buildReintegratieverslag, RIV_ITEMS } from './reintegratieverslag'
import { halfFinishedExport } from './test-support'
import fixture from '../../../test/fixtures/voorbeeld-dossier.json'

function parsed(value: unknown): DossierExport {
  const r = parseDossierExport(value)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('buildReintegratieverslag', () => {
  it('assembles the parts in UWV order and covers items a–l of Regeling art. 6', () => {
    const riv = buildReintegratieverslag(parsed(fixture))
    expect(riv.parts.map((p) => p.key)).toEqual([
      'administratief',
      'probleemanalyse',
      'plan-van-aanpak',
      'evaluaties',
      'actueel-oordeel',
      'eindevaluatie',
      'medische-informatie',
      'oordeel-werknemer',
      'activiteitenoverzicht',
    ])
    expect(new Set(riv.parts.flatMap((p) => p.items))).toEqual(new Set(RIV_ITEMS))
    expect(riv.header).toMatchObject({
      employeeName: 'Chloë de Bruïne',
      bsn: '111222333',
      firstSickDay: '2024-01-08',
      loonheffingennummer: '812345678L01',
    })
    const plans = riv.parts.find((p) => p.key === 'plan-van-aanpak')
    expect(plans?.documents).toHaveLength(9)
    expect(plans?.date).toBe('2025-07-01')
  })

  it('merges the BA PDFs and never one marked medical', () => {
    const riv = buildReintegratieverslag(parsed(fixture))
    const merged = riv.parts.flatMap((p) => p.attachments.map((a) => a.id))
    expect(merged).toEqual(['att-pa', 'att-pa2', 'att-ao'])
    expect(riv.refusedAttachments.map((a) => a.id)).toEqual(['att-med'])
  })

  it('marks missing parts of a half-finished dossier', () => {
    const riv = buildReintegratieverslag(parsed(halfFinishedExport()))
    const absent = riv.parts.filter((p) => !p.present).map((p) => p.key)
    expect(absent).toEqual([
      'evaluaties',
      'actueel-oordeel',
      'eindevaluatie',
      'medische-informatie',
      'oordeel-werknemer',
    ])
  })
})
