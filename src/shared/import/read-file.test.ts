import writeXlsxFile from 'write-excel-file/node'
import { describe, expect, it } from 'vitest'
import { readImportFile } from './read-file'

const utf8 = (s: string) => new TextEncoder().encode(s)

async function xlsx(data: readonly (readonly unknown[])[]): Promise<Uint8Array> {
  return new Uint8Array(await writeXlsxFile(data as never).toBuffer())
}

describe('reading an import file', () => {
  it('reads a semicolon CSV in UTF-8 with a BOM, quotes and accents', async () => {
    const r = await readImportFile(
      'w.csv',
      utf8('\uFEFFVoornaam;Achternaam;Plaats\r\nZoë;"Çelik; jr.";Den Haag\r\n\r\n'),
    )
    expect(r).toEqual({
      ok: true,
      value: {
        header: ['Voornaam', 'Achternaam', 'Plaats'],
        rows: [['Zoë', 'Çelik; jr.', 'Den Haag']],
        notes: [],
      },
    })
  })

  it('reads a comma CSV written by Excel on Windows (Windows-1252) and says so', async () => {
    // "Müller,Jérôme" in Windows-1252: ü = 0xFC, é = 0xE9, ô = 0xF4.
    const bytes = new Uint8Array([
      ...utf8('Achternaam,Voornaam\r\nM'),
      0xfc,
      ...utf8('ller,J'),
      0xe9,
      ...utf8('r'),
      0xf4,
      ...utf8('me\r\n'),
    ])
    const r = await readImportFile('export.csv', bytes)
    if (!r.ok) throw new Error(r.message)
    expect(r.value.rows).toEqual([['Müller', 'Jérôme']])
    expect(r.value.notes[0]).toMatch(/Windows-1252/)
  })

  it('reads an XLSX: text, numbers and dates as the spreadsheet stored them', async () => {
    const bytes = await xlsx([
      ['Voornaam', 'Uren', 'In dienst sinds'],
      ['Ali', 38, { value: new Date(Date.UTC(2020, 0, 31)), format: 'dd-mm-yyyy' }],
    ])
    const r = await readImportFile('w.xlsx', bytes)
    if (!r.ok) throw new Error(r.message)
    expect(r.value.header).toEqual(['Voornaam', 'Uren', 'In dienst sinds'])
    expect(r.value.rows[0]?.[0]).toBe('Ali')
    expect(r.value.rows[0]?.[1]).toBe(38)
    expect((r.value.rows[0]?.[2] as Date).toISOString().slice(0, 10)).toBe('2020-01-31')
  })

  it('never evaluates a formula in a spreadsheet', async () => {
    const bytes = await xlsx([
      ['Voornaam', 'Achternaam'],
      ['Ali', { type: 'Formula', value: '=WEBSERVICE("http://x")' }],
    ])
    const r = await readImportFile('f.xlsx', bytes)
    if (!r.ok) throw new Error(r.message)
    // A formula without a stored result has no value to import: the cell is empty, not run.
    expect(r.value.rows[0]).toEqual(['Ali', null])
  })

  it.each([
    [
      'a text file named .xlsx',
      'nep.xlsx',
      utf8('Voornaam;Achternaam\nA;B'),
      /nep\.xlsx is geen Excel-bestand/,
    ],
    [
      'a zip that is no spreadsheet',
      'kapot.xlsx',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      /kan niet als Excel-bestand/,
    ],
    [
      'an old .xls',
      'oud.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      /\.xls\) worden niet gelezen/,
    ],
    [
      'a binary file named .csv',
      'foto.csv',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      /geen tekstbestand/,
    ],
    ['an empty file', 'leeg.csv', new Uint8Array(), /leeg/],
    ['a file of empty lines', 'niets.csv', utf8('\r\n\r\n'), /kolomnamen/],
  ])('refuses %s with one Dutch sentence', async (_what, name, bytes, message) => {
    const r = await readImportFile(name, bytes)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })

  it('refuses a file over 50 MB before reading it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1)
    const r = await readImportFile('groot.csv', big)
    expect(r).toEqual({
      ok: false,
      message: 'Het bestand is te groot (51 MB); de grens is 50 MB. Splits het bestand in delen.',
    })
  })
})
