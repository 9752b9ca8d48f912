import Papa from 'papaparse'

/**
 * CSV as Dutch spreadsheet programs read it: semicolon-separated (the comma is the decimal
 * sign), UTF-8 with a byte-order mark so Excel shows accents and Arabic right, CRLF line ends.
 *
 * A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR: "CSV
 * injection") is written with a leading apostrophe, so a name such as `=HYPERLINK(...)` typed
 * into a dossier stays text. Numbers are written by the caller as Dutch text (see `dutchNumber`),
 * so a negative number is never mistaken for a formula either.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => [...r]) },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: true },
  )
  return `\uFEFF${body}\r\n`
}

/** `12.5` → `12,5`; null → empty cell. */
export function dutchNumber(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return ''
  return value.toFixed(decimals).replace('.', ',')
}
