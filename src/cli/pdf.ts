/**
 * `npm run -s pdf -- <soort> <dossier.json> <uitvoer> [--versie N] [--datum dd-mm-jjjj]`
 *
 * Renders every document the app renders, with the same renderers (src/documents), from a
 * dossier file (a DossierExport). Bad input (unknown kind or option, missing file, missing output
 * folder, malformed JSON, invalid dossier, a document the dossier does not have) gives ONE Dutch
 * line on stderr and exit 2, and nothing is written. Output is written to a temporary file beside
 * the target and renamed, so a failure never leaves half a file. Characters no bundled font has
 * are printed as [U+XXXX] and reported on stderr as a warning (exit 0).
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseDossierExport, type DossierExport } from '../shared/documents/dossier-export'
import { checkRivCompleteness } from '../shared/documents/completeness'
import { exportDate } from '../shared/documents/case-facts'
import { buildMelding42 } from '../shared/documents/melding-42'
import { planVersions } from '../shared/documents/plan-van-aanpak'
import { formatDutchDate, parseAnyDate } from '../shared/kernel/iso-date'
import type { DocumentFonts } from '../documents/layout'
import { renderPlanVanAanpak } from '../documents/plan-van-aanpak-pdf'
import {
  renderEerstejaarsevaluatie,
  renderEindevaluatie,
  renderEvaluatie,
} from '../documents/evaluations-pdf'
import { renderReintegratieverslag } from '../documents/reintegratieverslag-pdf'
import { buildRivBundle } from '../documents/riv-bundle'
import { renderMelding42 } from '../documents/melding-42-pdf'

/** Every kind the app renders. */
export const DOCUMENT_KINDS = [
  'plan-van-aanpak',
  'evaluatie',
  'eerstejaarsevaluatie',
  'eindevaluatie',
  're-integratieverslag',
  'riv-bundel',
  'melding-42',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** The kinds whose output is always one PDF. */
export const PDF_KINDS = [
  'plan-van-aanpak',
  'evaluatie',
  'eerstejaarsevaluatie',
  'eindevaluatie',
  're-integratieverslag',
] as const satisfies readonly DocumentKind[]
export type PdfKind = (typeof PDF_KINDS)[number]

export const USAGE =
  `gebruik: npm run -s pdf -- <${DOCUMENT_KINDS.join('|')}> <dossier.json> <uitvoer> ` +
  '[--versie N (plan-van-aanpak)] [--datum dd-mm-jjjj (evaluatie)]; ' +
  'riv-bundel schrijft een zip, melding-42 JSON als de uitvoer op .json eindigt, anders PDF'

/** Bad input: its message is the one Dutch line the user sees. */
export class InputError extends Error {}

/** The bundled fonts (resources/fonts); the app passes the same bytes. */
export function loadFonts(root = process.cwd()): DocumentFonts {
  const dir = join(root, 'resources', 'fonts')
  return {
    regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
    symbols: readFileSync(join(dir, 'NotoEmoji-Regular.ttf')),
  }
}

export type CliOptions = { readonly version?: number; readonly date?: string }

export type Rendered = { readonly bytes: Uint8Array; readonly warnings: readonly string[] }

/** Renders one kind; a document the dossier does not have is an InputError. */
export async function renderKind(
  kind: DocumentKind,
  exp: DossierExport,
  fonts: DocumentFonts,
  producedAt: Date,
  opts: CliOptions & { readonly json?: boolean } = {},
): Promise<Rendered> {
  const warnings: string[] = []
  const base = { producedAt, warn: (m: string) => warnings.push(m) }
  const done = (bytes: Uint8Array): Rendered => ({ bytes, warnings })
  switch (kind) {
    case 'plan-van-aanpak': {
      const versions = planVersions(exp.documents.planVanAanpak)
      if (versions.length === 0) throw new InputError('Dit dossier heeft geen Plan van Aanpak.')
      const plan =
        opts.version === undefined
          ? versions.at(-1)
          : versions.find((p) => p.version === opts.version)
      if (!plan)
        throw new InputError(
          `Versie ${opts.version} van het Plan van Aanpak bestaat niet (wel: ${versions.map((p) => p.version).join(', ')}).`,
        )
      return done(await renderPlanVanAanpak(exp, fonts, { ...base, planId: plan.id }))
    }
    case 'evaluatie': {
      const all = [...exp.documents.evaluaties].sort((a, b) =>
        (a.date ?? '').localeCompare(b.date ?? ''),
      )
      if (all.length === 0) throw new InputError('Dit dossier heeft geen evaluatie.')
      const doc = opts.date === undefined ? all.at(-1) : all.find((e) => e.date === opts.date)
      if (!doc)
        throw new InputError(
          `Er is geen evaluatie van ${formatDutchDate(opts.date as never)} (wel: ${all.map((e) => (e.date ? formatDutchDate(e.date) : 'ongedateerd')).join(', ')}).`,
        )
      return done(await renderEvaluatie(exp, fonts, { ...base, evaluatieId: doc.id }))
    }
    case 'eerstejaarsevaluatie':
      if (!exp.documents.eerstejaarsevaluatie)
        throw new InputError('Dit dossier heeft geen eerstejaarsevaluatie.')
      return done(await renderEerstejaarsevaluatie(exp, fonts, base))
    case 'eindevaluatie':
      if (!exp.documents.eindevaluatie)
        throw new InputError('Dit dossier heeft geen eindevaluatie.')
      return done(await renderEindevaluatie(exp, fonts, base))
    case 're-integratieverslag':
      return done(await renderReintegratieverslag(exp, fonts, base))
    case 'riv-bundel': {
      const completeness = checkRivCompleteness(exp, exportDate(exp))
      return done((await buildRivBundle(exp, fonts, { ...base, completeness })).zip)
    }
    case 'melding-42':
      if (opts.json)
        return done(new TextEncoder().encode(`${JSON.stringify(buildMelding42(exp), null, 2)}\n`))
      return done(await renderMelding42(exp, fonts, base))
  }
}

/** Kept for callers that render one PDF kind (the app's own kinds, latest versions). */
export async function renderPdf(
  kind: PdfKind,
  exp: DossierExport,
  fonts: DocumentFonts,
  producedAt: Date,
): Promise<Uint8Array> {
  return (await renderKind(kind, exp, fonts, producedAt)).bytes
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/** Reads and validates the dossier file; every failure is an InputError in Dutch. */
export function readDossier(file: string): DossierExport {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError(`Het dossierbestand ${file} bestaat niet.`)
    if (code === 'EISDIR') throw new InputError(`${file} is een map, geen dossierbestand.`)
    throw new InputError(`Het dossierbestand ${file} kan niet worden gelezen (${code ?? 'fout'}).`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '')
    const { line, column } = lineAndColumn(text, m ? Number(m[1]) : text.length)
    throw new InputError(
      `Het dossierbestand ${file} is geen geldige JSON: fout op regel ${line}, kolom ${column}.`,
    )
  }
  const parsed = parseDossierExport(json)
  if (!parsed.ok)
    throw new InputError(
      `Ongeldig dossierbestand ${file}: ${parsed.error.message.replace(/\s*\n\s*/g, '; ')}`,
    )
  return parsed.value
}

export type CliArgs = {
  readonly kind: DocumentKind
  readonly file: string
  readonly out: string
} & CliOptions

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = []
  let version: number | undefined
  let date: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--versie') {
      const v = argv[++i] ?? ''
      if (!/^\d+$/.test(v) || Number(v) < 1)
        throw new InputError(`--versie verwacht een versienummer (1, 2, …), niet "${v}".`)
      version = Number(v)
    } else if (a === '--datum') {
      const v = argv[++i] ?? ''
      const d = parseAnyDate(v)
      if (!d) throw new InputError(`--datum verwacht een datum als dd-mm-jjjj, niet "${v}".`)
      date = d
    } else if (a.startsWith('--')) throw new InputError(`Onbekende optie ${a}. ${USAGE}`)
    else positional.push(a)
  }
  const [kind, file, out, ...rest] = positional
  if (!kind || !file || !out || rest.length > 0) throw new InputError(USAGE)
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
    throw new InputError(`Onbekende soort document "${kind}". ${USAGE}`)
  if (version !== undefined && kind !== 'plan-van-aanpak')
    throw new InputError('--versie hoort alleen bij plan-van-aanpak.')
  if (date !== undefined && kind !== 'evaluatie')
    throw new InputError('--datum hoort alleen bij evaluatie.')
  return {
    kind: kind as DocumentKind,
    file,
    out,
    ...(version === undefined ? {} : { version }),
    ...(date === undefined ? {} : { date }),
  }
}

/** The output folder must exist (it is never made: a typo should not scatter files). */
function checkOutput(out: string): void {
  const dir = dirname(resolve(out))
  let isDir = false
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    throw new InputError(`De map ${dirname(out)} voor het uitvoerbestand bestaat niet.`)
  }
  if (!isDir) throw new InputError(`${dirname(out)} is geen map.`)
  if (existsSync(out) && statSync(out).isDirectory())
    throw new InputError(`${out} is een map; geef een bestandsnaam op.`)
}

/** Writes through a temporary file in the same folder, so a failure leaves nothing behind. */
function writeAtomically(out: string, bytes: Uint8Array): void {
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`)
  try {
    writeFileSync(tmp, bytes)
    renameSync(tmp, out)
  } catch (e) {
    rmSync(tmp, { force: true })
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError(`Kan ${out} niet schrijven (${code ?? 'fout'}).`)
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv)
    checkOutput(args.out)
    const exp = readDossier(args.file)
    const json = args.kind === 'melding-42' && args.out.toLowerCase().endsWith('.json')
    const { bytes, warnings } = await renderKind(args.kind, exp, loadFonts(), new Date(), {
      ...args,
      json,
    })
    writeAtomically(args.out, bytes)
    for (const w of new Set(warnings)) process.stderr.write(`${w}\n`)
    return 0
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`)
      return 2
    }
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e)
    process.stderr.write(`Kan het document niet maken: ${reason}\n`)
    return 1
  }
}

if (process.argv[1]?.endsWith('pdf.ts'))
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
