import { IMPORT_FIELDS, type ImportKind } from '../../../shared/import/columns'
import { toCsv } from '../../../shared/reports/csv'

/** An import template: the columns Hervat maps by itself, with one example row. */
function template(kind: ImportKind): { header: string[]; example: string[] } {
  const fields = IMPORT_FIELDS[kind]
  return { header: fields.map((f) => f.label), example: fields.map((f) => f.example) }
}

export function templateCsv(kind: ImportKind): Uint8Array {
  const { header, example } = template(kind)
  return new TextEncoder().encode(toCsv(header, [example]))
}

export async function templateXlsx(kind: ImportKind): Promise<Uint8Array> {
  const { header, example } = template(kind)
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  const blob = await writeXlsxFile(
    [header.map((h) => ({ value: h, fontWeight: 'bold' as const })), example],
    { sheet: kind === 'werkgevers' ? 'Werkgevers' : 'Werknemers' },
  ).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}
