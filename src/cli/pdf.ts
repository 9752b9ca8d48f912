/**
 * `npm run -s pdf -- <plan-van-aanpak|re-integratieverslag|eerstejaarsevaluatie> <dossier.json> <out.pdf>`
 *
 * Renders a dossier document with the same renderers the app uses (src/documents). The dossier
 * file is a DossierExport. On invalid input: nothing written, one Dutch line on stderr naming the
 * field, exit 2. On success: the PDF is written and the exit code is 0.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDossierExport, type DossierExport } from '../shared/documents/dossier-export'
import type { DocumentFonts } from '../documents/layout'
import { renderPlanVanAanpak } from '../documents/plan-van-aanpak-pdf'
import { renderEerstejaarsevaluatie } from '../documents/evaluations-pdf'
import { renderReintegratieverslag } from '../documents/reintegratieverslag-pdf'

export const PDF_KINDS = [
  'plan-van-aanpak',
  're-integratieverslag',
  'eerstejaarsevaluatie',
] as const
export type PdfKind = (typeof PDF_KINDS)[number]

const USAGE = `gebruik: npm run -s pdf -- <${PDF_KINDS.join('|')}> <dossier.json> <uit.pdf>`

/** The bundled DejaVu fonts (resources/fonts); the app passes the same bytes. */
export function loadFonts(root = process.cwd()): DocumentFonts {
  const dir = join(root, 'resources', 'fonts')
  return {
    regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
  }
}

export function renderPdf(
  kind: PdfKind,
  exp: DossierExport,
  fonts: DocumentFonts,
  producedAt: Date,
): Promise<Uint8Array> {
  switch (kind) {
    case 'plan-van-aanpak':
      return renderPlanVanAanpak(exp, fonts, { producedAt })
    case 'eerstejaarsevaluatie':
      return renderEerstejaarsevaluatie(exp, fonts, { producedAt })
    case 're-integratieverslag':
      return renderReintegratieverslag(exp, fonts, { producedAt })
  }
}

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}

async function main(argv: readonly string[]): Promise<void> {
  const [kind, file, out] = argv
  if (!kind || !file || !out || !(PDF_KINDS as readonly string[]).includes(kind)) fail(USAGE)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
    fail(`Kan ${file} niet lezen: ${reason}`)
  }
  const parsed = parseDossierExport(json)
  if (!parsed.ok) fail(`Ongeldig dossierbestand ${file}: ${parsed.error.message}`)
  let bytes: Uint8Array
  try {
    bytes = await renderPdf(kind as PdfKind, parsed.value, loadFonts(), new Date())
  } catch (e) {
    fail(`Kan de PDF niet maken: ${e instanceof Error ? e.message : String(e)}`, 2)
  }
  writeFileSync(out, bytes)
}

if (process.argv[1]?.endsWith('pdf.ts')) void main(process.argv.slice(2))
