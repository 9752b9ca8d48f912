import { describe, expect, it } from 'vitest'
import { countOf } from '../../shared/kernel/text'
import { nl } from './nl'

describe('counts on screen use the Dutch singular for one', () => {
  it('says "1 dossier", never "1 dossiers"', () => {
    expect(countOf(1, 'dossier', 'dossiers')).toBe('1 dossier')
    expect(countOf(0, 'dossier', 'dossiers')).toBe('0 dossiers')
    expect(nl.caseload.count(1, 1)).toBe('1 dossier')
    expect(nl.caseload.count(3, 3)).toBe('3 dossiers')
    expect(nl.caseload.count(1, 7)).toBe('1 van 7 dossiers')
    expect(nl.data.imported(1)).toBe('Back-up geïmporteerd: 1 dossier.')
    expect(nl.data.sampleLoaded(1)).toBe('1 voorbeelddossier geladen.')
    expect(nl.data.sampleLoaded(20)).toBe('20 voorbeelddossiers geladen.')
  })
})
