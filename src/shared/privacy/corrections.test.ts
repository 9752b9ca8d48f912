import { describe, expect, it } from 'vitest'
import { effectiveContacts, isRemovalChange, isRemoved, REMOVED_TEXT } from './corrections'

const c = (id: string, corrects?: string) => ({
  id,
  createdAt: `2026-01-0${id.length}T00:00:00.000Z`,
  ...(corrects ? { corrects } : {}),
})

describe('corrections of contactmomenten', () => {
  it('a correcting entry supersedes the one it corrects, also in a chain', () => {
    expect(effectiveContacts([c('a'), c('b'), c('bb', 'b')]).map((x) => x.id)).toEqual(['a', 'bb'])
    expect(effectiveContacts([c('a'), c('aa', 'a'), c('aaa', 'aa')]).map((x) => x.id)).toEqual([
      'aaa',
    ])
  })
})

describe('removal of an append-only text', () => {
  it('is exactly REMOVED_TEXT on a removable field', () => {
    expect(isRemovalChange('contacts', 'summary', REMOVED_TEXT)).toBe(true)
    expect(isRemovalChange('contacts', 'participants', REMOVED_TEXT)).toBe(true)
    expect(isRemovalChange('documentSignatures', 'reaction', REMOVED_TEXT)).toBe(true)
    expect(isRemovalChange('contacts', 'summary', 'iets anders')).toBe(false)
    expect(isRemovalChange('contacts', 'date', REMOVED_TEXT)).toBe(false)
    expect(isRemovalChange('documentSignatures', 'name', REMOVED_TEXT)).toBe(false)
    expect(isRemovalChange('audit', 'detail', REMOVED_TEXT)).toBe(false)
    expect(isRemoved('contacts', { summary: REMOVED_TEXT })).toBe(true)
    expect(isRemoved('contacts', { summary: 'tekst' })).toBe(false)
  })
})
