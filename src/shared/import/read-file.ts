import Papa from 'papaparse'
import { readSheet } from 'read-excel-file/universal'
import type { ImportCell } from './plan'

/**
 * Reads an import file into a header and rows of cells: XLSX through read-excel-file (which
 * reads the values a spreadsheet stored, so a formula is never evaluated here), CSV through
 * papaparse with the separator detected (comma, semicolon, tab). A CSV that is not valid UTF-8
 * is read as Windows-1252, what Excel on Windows writes by default. Every failure is one Dutch
 * sentence; nothing is imported from a file that cannot be read whole.
 */

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export type ImportTable = {
  readonly header: readonly string[]
  readonly rows: readonly (readonly ImportCell[])[]
  /** What the reader noticed, for the preview (e.g. the encoding it chose). */
  readonly notes: readonly string[]
}

export type ReadResult = { ok: true; value: ImportTable } | { ok: false; message: string }

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b)
}

function decodeText(bytes: Uint8Array): { text: string; note?: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text }
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'Het bestand is geen UTF-8; het is gelezen als Windows-1252 (Excel op Windows).',
    }
  }
}

function split(table: readonly (readonly ImportCell[])[], notes: string[]): ReadResult {
  const [first, ...rest] = table
  if (!first || first.every((c) => c === null || c === undefined || String(c).trim() === ''))
    return {
      ok: false,
      message: 'Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.',
    }
  const header = first.map((c) => (c === null || c === undefined ? '' : String(c).trim()))
  return { ok: true, value: { header, rows: rest, notes } }
}

export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `Het bestand is te groot (${Math.ceil(bytes.byteLength / 1024 / 1024)} MB); de grens is 50 MB. Splits het bestand in delen.`,
    }
  if (bytes.byteLength === 0) return { ok: false, message: 'Het bestand is leeg.' }
  const lower = name.toLowerCase()
  const isXlsx = lower.endsWith('.xlsx') || looksLikeZip(bytes)
  if (lower.endsWith('.xls') && !looksLikeZip(bytes))
    return {
      ok: false,
      message:
        'Oude Excel-bestanden (.xls) worden niet gelezen. Sla het bestand in Excel op als .xlsx of .csv.',
    }
  if (isXlsx) {
    if (!looksLikeZip(bytes))
      return {
        ok: false,
        message: `${name} is geen Excel-bestand (.xlsx): de inhoud is geen spreadsheet.`,
      }
    try {
      const copy = bytes.slice().buffer
      const data = await readSheet(copy)
      return split(data as ImportCell[][], [])
    } catch {
      return {
        ok: false,
        message: `${name} kan niet als Excel-bestand (.xlsx) worden gelezen; het is beschadigd of geen spreadsheet.`,
      }
    }
  }
  const { text, note } = decodeText(bytes)
  if (text.includes('\u0000'))
    return { ok: false, message: `${name} is geen tekstbestand (CSV): het bevat binaire gegevens.` }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  })
  const fatal = parsed.errors.find((e) => e.type === 'Quotes')
  if (fatal)
    return {
      ok: false,
      message: `Regel ${(fatal.row ?? 0) + 1} van ${name} heeft een aanhalingsteken dat niet wordt gesloten.`,
    }
  return split(parsed.data, note ? [note] : [])
}
