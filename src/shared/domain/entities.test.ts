import { describe, expect, it } from 'vitest'
import {
  dossierFormSchema,
  dossierInputSchema,
  employeeInputSchema,
  leaveInputSchema,
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

describe('dossier facts for the reporting rules (no medical data, domain §5.5)', () => {
  const dossier = {
    employeeId: 'wn1',
    casemanager: 'Petra Jansen',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
    safetyNet: 'onbekend',
  }

  it('accepts a voluntary extension of at least 13 whole weeks and the long-term date', () => {
    const r = dossierInputSchema.parse({
      ...dossier,
      voluntaryExtensionWeeks: '26',
      voluntaryExtensionRequestedOn: '01-09-2026',
      longTermExpectedOn: '08-01-2025',
    })
    expect(r).toMatchObject({
      voluntaryExtensionWeeks: 26,
      voluntaryExtensionRequestedOn: '2026-09-01',
      longTermExpectedOn: '2025-01-08',
    })
  })

  it.each([
    ['fewer than 13 weeks', { voluntaryExtensionWeeks: '8' }, 'minimaal 13 weken'],
    ['part of a week', { voluntaryExtensionWeeks: '13,5' }, 'hele weken'],
    [
      'a request date without weeks',
      { voluntaryExtensionRequestedOn: '01-09-2026' },
      'hoeveel weken',
    ],
    [
      'an extension with a safety net (ZW benefit, WIA 24)',
      { safetyNet: 'ja', voluntaryExtensionWeeks: '26' },
      'vangnetregeling',
    ],
  ] as const)('refuses %s at the weeks field, in Dutch', (_name, over, text) => {
    const r = parseAt(dossierFormSchema, { ...dossier, ...over })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.field).toBe('voluntaryExtensionWeeks')
      expect(r.error.message).toContain(text)
    }
  })

  it('a leave may carry the expected delivery date of the WAZO application; a bad date names the field', () => {
    const leave = { start: '14-05-2025', end: '02-09-2025', expectedDeliveryDate: '10-06-2025' }
    expect(leaveInputSchema.parse(leave).expectedDeliveryDate).toBe('2025-06-10')
    const r = parseAt(leaveInputSchema, { ...leave, expectedDeliveryDate: '31-02-2025' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe('expectedDeliveryDate')
  })

  it('the stored-record schema checks the weeks too, and stays a plain object others can omit', () => {
    const r = parseAt(dossierInputSchema, { ...dossier, voluntaryExtensionWeeks: '8' })
    expect(r.ok).toBe(false)
    expect(Object.keys(dossierInputSchema.omit({ employeeId: true }).shape)).not.toContain(
      'employeeId',
    )
  })

  it('has no field for the kind of safety net or for pregnancy as a health fact', () => {
    const keys = Object.keys(dossierInputSchema.shape).join(' ').toLowerCase()
    for (const forbidden of ['zwanger', 'pregnan', 'diagnos', 'cause', 'oorzaak', 'safetynetkind'])
      expect(keys).not.toContain(forbidden)
    expect(dossierInputSchema.shape.safetyNet.parse(undefined)).toBe('onbekend')
  })
})

describe('text limits', () => {
  it('name the limit in the message, with Dutch thousands separators', async () => {
    const { requiredText, optionalText, tooLongMessage } = await import('./fields')
    expect(tooLongMessage(2000)).toBe('Deze tekst is te lang (maximaal 2.000 tekens).')
    const required = requiredText(2000).safeParse('a'.repeat(2001))
    expect(required.success).toBe(false)
    expect(required.error?.issues[0]?.message).toBe(
      'Deze tekst is te lang (maximaal 2.000 tekens).',
    )
    const optional = optionalText(200).safeParse('b'.repeat(201))
    expect(optional.error?.issues[0]?.message).toBe('Deze tekst is te lang (maximaal 200 tekens).')
    expect(requiredText(2000).safeParse('a'.repeat(2000)).success).toBe(true)
  })
})
