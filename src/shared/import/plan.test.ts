import { describe, expect, it } from 'vitest'
import { autoMap, reuseMapping } from './columns'
import { cellText, planImport, type ExistingData } from './plan'

/** What a stored werkgever holds besides its name, KvK and profile (the schema's output). */
const storedEmployer = { address: {}, contactPerson: {}, eigenrisicodragerZw: false }

const existing: ExistingData = {
  employers: [
    {
      id: 'w1',
      name: 'Bakkerij Jansen B.V.',
      kvkNumber: '12345678',
      policyProfile: 'wettelijk',
      ...storedEmployer,
    },
    {
      id: 'w2',
      name: 'Kapsalon Knip',
      kvkNumber: '87654321',
      policyProfile: 'wettelijk',
      ...storedEmployer,
    },
    {
      id: 'w3',
      name: 'Kapsalon Knip',
      kvkNumber: '11223344',
      policyProfile: 'wettelijk',
      ...storedEmployer,
    },
  ],
  employees: [
    {
      id: 'e1',
      employerId: 'w1',
      firstName: 'Sanne',
      lastName: 'Boer',
      infix: 'de',
      bsn: '111222333',
      dateOfBirth: '1985-03-14',
      address: { city: 'Amersfoort' },
      jobTitle: 'Verkoopmedewerker',
      contractHoursPerWeek: 32,
      employmentStart: '2015-09-01',
      bsnHash: 'not-an-input-field',
    },
  ],
}

const header = [
  'Werkgever',
  'Voornaam',
  'Tussenvoegsel',
  'Achternaam',
  'BSN',
  'Geboortedatum',
  'Plaats',
  'Functie',
  'Uren per week',
  'Datum in dienst',
]

describe('column mapping', () => {
  it('maps a payroll header to the fields by name and alias, case and accents ignored', () => {
    const m = autoMap('werknemers', header)
    expect(m['employer']).toBe(0)
    expect(m['bsn']).toBe(4)
    expect(m['contractHoursPerWeek']).toBe(8)
    expect(m['employmentStart']).toBe(9)
    expect(m['address.city']).toBe(6)
    expect(m['email']).toBe(-1)
  })

  it('reuses a remembered mapping only for the same header', () => {
    const remembered = { header, mapping: { ...autoMap('werknemers', header), jobTitle: 1 } }
    expect(
      reuseMapping(
        'werknemers',
        header.map((h) => h.toUpperCase()),
        remembered,
      ),
    ).toBe(remembered.mapping)
    expect(reuseMapping('werknemers', [...header, 'Extra'], remembered)['jobTitle']).toBe(7)
  })
})

describe('planning a werknemers import', () => {
  const mapping = autoMap('werknemers', header)
  const plan = (rows: (string | number | Date | null)[][]) =>
    planImport('werknemers', header, rows, mapping, existing)

  it('a new werknemer, matched to its werkgever by name or KvK-nummer, is created', () => {
    const p = plan([
      [
        'bakkerij jansen b.v.',
        'Ali',
        '',
        'Yılmaz',
        '123456782',
        '01-02-1990',
        'Utrecht',
        'Bakker',
        '38',
        '2020-01-01',
      ],
      [
        '87654321',
        'Eva',
        '',
        'Smit',
        '999999990',
        '1991-05-05',
        '',
        'Kapper',
        24,
        new Date(Date.UTC(2021, 2, 1)),
      ],
    ])
    expect(p.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 0 })
    expect(p.rows[0]?.input?.['employerId']).toBe('w1')
    expect(p.rows[1]?.input?.['employerId']).toBe('w2')
    expect(p.rows[1]?.input?.['employmentStart']).toBe('2021-03-01')
    expect(p.rows[1]?.input?.['contractHoursPerWeek']).toBe(24)
  })

  it('every problem of a row is listed with its line, column and a Dutch message', () => {
    const p = plan([
      [
        'Onbekend B.V.',
        'Piet',
        '',
        '',
        '123456789',
        '31-02-1990',
        '',
        'Monteur',
        'veel',
        '01-01-2020',
      ],
    ])
    expect(p.counts.invalid).toBe(1)
    const row = p.rows[0]
    expect(row?.line).toBe(2)
    expect(row?.problems.map((x) => [x.column, x.message])).toEqual([
      [
        'Werkgever',
        'Onbekende werkgever “Onbekend B.V.”: maak of importeer eerst de werkgever, of gebruik het KvK-nummer.',
      ],
      ['Achternaam', 'Dit veld is verplicht.'],
      ['BSN', 'Dit is geen geldig BSN (de elfproef klopt niet).'],
      ['Geboortedatum', 'Vul een geldige datum in als dd-mm-jjjj.'],
      ['Uren per week', 'Vul een aantal uren in tussen 0 en 168.'],
    ])
    expect(row?.input).toBeUndefined()
  })

  it('a werkgever name that two werkgevers share asks for the KvK-nummer', () => {
    const p = plan([
      ['Kapsalon Knip', 'A', '', 'B', '123456782', '01-01-1990', '', 'x', '8', '01-01-2020'],
    ])
    expect(p.rows[0]?.problems[0]?.message).toMatch(/2 werkgevers met de naam/)
  })

  it('a BSN twice in the file: the second is refused and names the first line', () => {
    const row = ['12345678', 'A', '', 'B', '123456782', '01-01-1990', '', 'x', '8', '01-01-2020']
    const p = plan([row, [...row.slice(0, 4), '12.34.56.782', ...row.slice(5)]])
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'invalid'])
    expect(p.rows[1]?.problems[0]?.message).toBe('Dubbel: dezelfde BSN staat ook in regel 2.')
  })

  it('a known BSN is an update of the changed fields only, keeping what the file lacks', () => {
    const same = [
      '12345678',
      'Sanne',
      'de',
      'Boer',
      '111222333',
      '14-03-1985',
      'Amersfoort',
      'Verkoopmedewerker',
      '32',
      '01-09-2015',
    ]
    const p = plan([
      same,
      [
        '12345678',
        'Sanne',
        'de',
        'Boer',
        '111 222 333',
        '14-03-1985',
        'Amersfoort',
        'Teamleider winkel',
        '36',
        '01-09-2015',
      ],
    ])
    expect(p.rows[0]?.action).toBe('unchanged')
    expect(p.rows[1]?.action).toBe('invalid') // the same BSN twice in one file
    const update = plan([
      [
        '12345678',
        'Sanne',
        'de',
        'Boer',
        '111222333',
        '14-03-1985',
        'Amersfoort',
        'Teamleider winkel',
        '36',
        '01-09-2015',
      ],
    ])
    expect(update.rows[0]?.action).toBe('update')
    expect(update.rows[0]?.existingId).toBe('e1')
    expect(update.rows[0]?.changedFields).toEqual(['jobTitle', 'contractHoursPerWeek'])
  })

  it('a missing required column is a problem on every row; empty rows are skipped', () => {
    const h = ['Voornaam', 'Achternaam']
    const p = planImport(
      'werknemers',
      h,
      [
        ['A', 'B'],
        ['', ''],
        [null, null],
      ],
      autoMap('werknemers', h),
      existing,
    )
    expect(p.rows).toHaveLength(1)
    expect(p.rows[0]?.problems.map((x) => x.column)).toEqual([
      'Werkgever (naam of KvK-nummer)',
      'BSN',
      'Geboortedatum',
      'Functie',
      'Contracturen per week',
      'In dienst sinds',
    ])
  })

  it('a cell that looks like a formula is kept as text, never run', () => {
    const p = plan([
      [
        '12345678',
        '=HYPERLINK("x")',
        '',
        'B',
        '123456782',
        '01-01-1990',
        '',
        '+31 werk',
        '8',
        '01-01-2020',
      ],
    ])
    expect(p.rows[0]?.input?.['firstName']).toBe('=HYPERLINK("x")')
    expect(p.rows[0]?.input?.['jobTitle']).toBe('+31 werk')
  })
})

describe('planning a werkgevers import', () => {
  const h = ['Naam', 'KvK', 'Postcode', 'Polisprofiel']
  const m = autoMap('werkgevers', h)
  it('creates, matches by KvK-nummer, and refuses an unknown polisprofiel with the choices', () => {
    const p = planImport(
      'werkgevers',
      h,
      [
        ['Nieuw B.V.', '55556666', '3811ab', 'De Goudse – Verzuimverzekering Op Maat'],
        ['Bakkerij Jansen', '12345678', '', 'wettelijk'],
        ['Vaag B.V.', '', '', 'Goud'],
      ],
      m,
      existing,
    )
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'update', 'invalid'])
    expect(p.rows[0]?.input?.['address']).toEqual({ postcode: '3811 AB' })
    expect(p.rows[0]?.input?.['policyProfile']).toBe('goudse-op-maat')
    expect(p.rows[1]?.changedFields).toEqual(['name'])
    expect(p.rows[2]?.problems[0]?.message).toMatch(/^Onbekend polisprofiel “Goud”\. Kies uit: /)
  })
})

describe('cells', () => {
  it('a spreadsheet date becomes an ISO date in UTC, booleans ja/nee, numbers text', () => {
    expect(cellText(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31')
    expect(cellText(true)).toBe('ja')
    expect(cellText(32.5)).toBe('32.5')
    expect(cellText(null)).toBe('')
  })
})
