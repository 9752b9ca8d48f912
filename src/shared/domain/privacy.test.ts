import { describe, expect, it } from 'vitest'
import { findMedicalTerms, medicalWarning } from './privacy'

describe('medical language warning', () => {
  it('flags diagnosis, treatment and pregnancy words', () => {
    expect(findMedicalTerms('Werknemer heeft een burn-out en gaat naar de psycholoog')).toEqual([
      'burn-out',
      'psycholoog',
    ])
    expect(findMedicalTerms('Ze is zwanger')).toEqual(['zwanger'])
    expect(medicalWarning('Rugklachten na val')).toMatch(/medische informatie/)
  })

  it('stays quiet on functional, non-medical text', () => {
    expect(
      findMedicalTerms('Kan 4 uur per dag administratief werk doen, niet tillen boven 10 kg.'),
    ).toEqual([])
    expect(medicalWarning('')).toBeUndefined()
    expect(medicalWarning(undefined)).toBeUndefined()
  })
})
