import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { dutchNumber, toCsv } from './csv'

describe('CSV for Dutch spreadsheets', () => {
  it('uses semicolons, a BOM and CRLF, and quotes only what needs it', () => {
    const csv = toCsv(['Werkgever', 'Verzuim %'], [['Bakkerij Jansen; Zn.', '4,2']])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe('\uFEFFWerkgever;Verzuim %\r\n"Bakkerij Jansen; Zn.";4,2\r\n')
  })

  it('never writes a cell that a spreadsheet would run as a formula', () => {
    const evil = ['=HYPERLINK("http://x","klik")', '+31 6 1234', '-2+3', '@SUM(A1)', '\tx']
    const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [evil])
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data[1] ?? []
    for (const cell of parsed) expect(cell).toMatch(/^'/)
    expect(parsed.map((c) => c.slice(1))).toEqual(evil)
  })

  it('keeps Arabic, emoji and line breaks in a cell intact', () => {
    const text = 'محمد 👍\nregel twee'
    const csv = toCsv(['naam'], [[text]])
    expect(Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data[1]?.[0]).toBe(text)
  })

  it('writes numbers with a decimal comma and leaves missing figures empty', () => {
    expect(dutchNumber(21.9167, 2)).toBe('21,92')
    expect(dutchNumber(null)).toBe('')
    expect(dutchNumber(Number.NaN)).toBe('')
  })
})
