import { describe, expect, it } from 'vitest'
import {
  employeeInputSchema,
  employerInputSchema,
  milestoneMarkInputSchema,
  sickPeriodInputSchema,
} from './entities'
import { parseAt } from './validation'

const employee = {
  employerId: 'w1',
  firstName: 'Sanne',
  lastName: 'de Vries',
  bsn: '111222333',
  dateOfBirth: '14-03-1985',
  address: { street: 'Dorpsstraat', houseNumber: '12', postcode: '3811ab', city: 'Amersfoort' },
  phone: '06 12345678',
  email: '',
  jobTitle: 'Administratief medewerker',
  contractHoursPerWeek: '32,5',
  employmentStart: '01-09-2015',
  employmentEnd: '',
}

describe('werknemer schema', () => {
  it('turns what a person types into canonical values', () => {
    const r = employeeInputSchema.parse(employee)
    expect(r.dateOfBirth).toBe('1985-03-14')
    expect(r.contractHoursPerWeek).toBe(32.5)
    expect(r.address.postcode).toBe('3811 AB')
    expect(r.email).toBeUndefined()
    expect(r.employmentEnd).toBeUndefined()
  })

  it('names the BSN field when the elfproef fails', () => {
    const r = parseAt(employeeInputSchema, { ...employee, bsn: '123456789' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.field).toBe('bsn')
      expect(r.error.message).toContain('elfproef')
    }
  })

  it('rejects an impossible date and an employment that ends before it starts', () => {
    const bad = employeeInputSchema.safeParse({ ...employee, dateOfBirth: '31-02-1985' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['dateOfBirth'])
    const ends = employeeInputSchema.safeParse({ ...employee, employmentEnd: '01-01-2010' })
    expect(ends.error?.issues[0]?.path).toEqual(['employmentEnd'])
  })
})

describe('ziekteperiode schema', () => {
  it('accepts an open period', () => {
    expect(sickPeriodInputSchema.parse({ start: '06-01-2025', end: '' }).end).toBeUndefined()
  })

  it('refuses a last sick day before the first, at the field "end"', () => {
    const r = sickPeriodInputSchema.safeParse({ start: '06-01-2025', end: '05-01-2025' })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['end'])
    expect(r.error?.issues[0]?.message).toBe('De laatste ziektedag ligt voor de eerste ziektedag.')
  })
})

describe('werkgever schema', () => {
  it('validates KvK and loonheffingennummer formats', () => {
    const base = {
      name: 'Bakkerij Jansen',
      address: {},
      contactPerson: {},
      policyProfile: 'wettelijk',
    }
    expect(
      employerInputSchema.parse({
        ...base,
        kvkNumber: '1234 5678',
        loonheffingennummer: '123456789l01',
      }),
    ).toMatchObject({
      kvkNumber: '12345678',
      loonheffingennummer: '123456789L01',
    })
    expect(
      employerInputSchema.safeParse({ ...base, kvkNumber: '1234' }).error?.issues[0]?.path,
    ).toEqual(['kvkNumber'])
    expect(employerInputSchema.safeParse({ ...base, policyProfile: 'onbekend' }).success).toBe(
      false,
    )
  })
})

describe('mijlpaal markeren', () => {
  it('requires a motivation when a step is waived (Regeling art. 5)', () => {
    const r = milestoneMarkInputSchema.safeParse({
      key: 'probleemanalyse',
      state: 'waived',
      date: '2025-02-01',
    })
    expect(r.error?.issues[0]?.path).toEqual(['motivation'])
  })
})

describe('idempotent parsing', () => {
  it('parses a stored record again to the same values (import and sync re-validate stored data)', async () => {
    const { interventionInputSchema } = await import('./entities')
    const once = interventionInputSchema.parse({
      provider: 'Werkfit BV',
      kind: 'coaching',
      quotedCostEuros: '1.250,50',
      advisedBy: 'bedrijfsarts',
    })
    expect(once.quotedCostEuros).toBe(1250.5)
    expect(interventionInputSchema.parse(once)).toEqual(once)
    const emp = employeeInputSchema.parse(employee)
    expect(employeeInputSchema.parse(emp)).toEqual(emp)
  })
})
