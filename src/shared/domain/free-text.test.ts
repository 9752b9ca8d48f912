import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import * as entities from './entities'
import { FREE_TEXT_KEYS, isFreeTextField, STRUCTURED_TEXT_KEYS } from './free-text'
import { legalHoldInputSchema } from './legal-hold'
import { medicalWarning } from './privacy'

const SAMPLE = 'Afspraak bij de psycholoog wegens burn-out'

type Node = { def?: { type?: string; innerType?: z.ZodType; in?: z.ZodType; shape?: unknown } }
/** The object shape behind optional/default/pipe wrappers, if the schema is an object. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let cur = schema as unknown as Node
  for (let i = 0; i < 6 && cur.def; i++) {
    if (cur.def.type === 'object')
      return (cur as unknown as { shape: Record<string, z.ZodType> }).shape
    const inner = cur.def.innerType ?? (cur.def.type === 'pipe' ? cur.def.in : undefined)
    if (!inner) return undefined
    cur = inner as unknown as Node
  }
  return undefined
}

/** Every leaf field that accepts arbitrary text (a sentence parses to a string), with its path. */
function textFields(schema: z.ZodType, prefix = ''): string[] {
  const shape = shapeOf(schema)
  if (!shape) return []
  return Object.entries(shape).flatMap(([key, field]) => {
    const path = `${prefix}${key}`
    if (shapeOf(field)) return textFields(field, `${path}.`)
    const r = field.safeParse(SAMPLE)
    return r.success && typeof r.data === 'string' ? [path] : []
  })
}

const SCHEMAS: [string, z.ZodType][] = [
  ...Object.entries(entities)
    .filter(([n]) => n.endsWith('InputSchema'))
    .map(([n, s]) => [n, s as z.ZodType] as [string, z.ZodType]),
  ['legalHoldInputSchema', legalHoldInputSchema],
]

describe('privacy guard: every free-text field of every schema warns', () => {
  const all = SCHEMAS.flatMap(([n, s]) => textFields(s).map((p) => `${n}.${p}`))

  it('finds the text fields by behaviour (sanity of the enumeration)', () => {
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(12)
    expect(all).toContain('contactInputSchema.summary')
    expect(all).toContain('employerInputSchema.address.street')
    expect(all).toContain('appointmentInputSchema.withWhom')
    // A date, a BSN, an e-mail address or an enum is not free text.
    expect(all.some((p) => /bsn|dateOfBirth|email|status|postcode/.test(p))).toBe(false)
  })

  it('classifies each text field as free text (warns) or structured (a name, an address part)', () => {
    const unclassified = all.filter((p) => {
      const key = p.split('.').pop() ?? p
      return !(key in FREE_TEXT_KEYS) && !(key in STRUCTURED_TEXT_KEYS)
    })
    expect(unclassified).toEqual([])
    const both = Object.keys(FREE_TEXT_KEYS).filter((k) => k in STRUCTURED_TEXT_KEYS)
    expect(both).toEqual([])
  })

  it('lists no key that is not a text field of some schema', () => {
    const keys = new Set(all.map((p) => p.split('.').pop()))
    expect(Object.keys(FREE_TEXT_KEYS).filter((k) => !keys.has(k))).toEqual([])
  })

  it('tells a form field name (dotted) by its last part', () => {
    expect(isFreeTextField('summary')).toBe(true)
    expect(isFreeTextField('legalHold.reason')).toBe(true)
    expect(isFreeTextField('address.street')).toBe(false)
    expect(isFreeTextField('employee.lastName')).toBe(false)
    expect(medicalWarning(SAMPLE)).toContain('psycholoog')
  })
})
