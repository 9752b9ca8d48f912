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

  it('names the whole words the text holds, never a stem', () => {
    expect(findMedicalTerms('Zij voelt zich depressief; de depressie duurt al lang')).toEqual([
      'depressief',
      'depressie',
    ])
    expect(findMedicalTerms('Rugklachten na val, daarna fysiotherapie')).toEqual([
      'rugklachten',
      'fysiotherapie',
    ])
    expect(findMedicalTerms('Overspannen sinds maart')).toEqual(['overspannen'])
    expect(findMedicalTerms('Ziekte van Lyme')).toEqual(['ziekte van'])
    expect(medicalWarning('Na de hernia-operatie thuis')).toBe(
      'Deze tekst lijkt medische informatie te bevatten (hernia-operatie). Leg alleen niet-medische gegevens vast.',
    )
  })

  it('stays quiet on functional, non-medical text', () => {
    expect(
      findMedicalTerms('Kan 4 uur per dag administratief werk doen, niet tillen boven 10 kg.'),
    ).toEqual([])
    expect(medicalWarning('')).toBeUndefined()
    expect(medicalWarning(undefined)).toBeUndefined()
  })
})
