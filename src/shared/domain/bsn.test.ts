import { describe, expect, it } from 'vitest'
import { isValidBsn, normalizeBsn } from './bsn'

describe('BSN elfproef', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['999999991', false],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
    ['1234567820', false],
    ['12345678a', false],
  ])('%s → %s', (bsn, valid) => {
    expect(isValidBsn(bsn)).toBe(valid)
  })

  it('accepts spaces and dots as people type them, and eight digits with a leading zero', () => {
    expect(isValidBsn('1112.22.333')).toBe(true)
    expect(normalizeBsn('123 456 782')).toBe('123456782')
    expect(normalizeBsn('12345672')).toBe('012345672')
    expect(isValidBsn('12345672')).toBe(true)
  })
})
