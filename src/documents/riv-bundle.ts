import { zipSync, strToU8, type Zippable } from 'fflate'
import type { RivCompleteness } from '../shared/documents/completeness'
import type { DossierExport } from '../shared/documents/dossier-export'
import {
  buildReintegratieverslag,
  type Reintegratieverslag,
  type RivPart,
} from '../shared/documents/reintegratieverslag'
import type { IsoDate } from '../shared/kernel/iso-date'
import { fmtAuthor, fmtDate, dossierCreatedAt } from './blocks'
import { Layout, type DocumentFonts, textOf } from './layout'
import { finishDocument, type RenderOptions } from './page-chrome'
import {
  CONCEPT_MARK,
  rivCompleteness,
  writeDocument,
  writeMissing,
  writeRivCover,
} from './reintegratieverslag-pdf'
import { writeMedischeInformatie, writeOordeelWerknemerPrompt } from './riv-parts-pdf'

/**
 * The RIV bundle (uwv-forms §7 item 2): ONE zip file holding an index PDF, one PDF per part
 * (recognisable on its own, vorm-beleidsregels art. 2 lid 2; type and date in the name) and a
 * `manifest.json` with each file's SHA-256. Medical attachments never go in (domain §5.5 item 4).
 */

export const RIV_BUNDLE_FORMAT = 'hervat-riv-bundel'

export type BundleFile = {
  readonly file: string
  readonly part: string
  readonly number: number
  readonly title: string
  readonly items: readonly string[]
  readonly date: string | null
  readonly author: string | null
  readonly present: boolean
  readonly bytes: number
  readonly sha256: string
}

export type RivBundleManifest = {
  readonly format: typeof RIV_BUNDLE_FORMAT
  readonly version: 1
  readonly employee: string
  readonly bsn: string
  readonly generatedOn: string
  readonly files: readonly BundleFile[]
  /** How many attachments marked medical were left out (never their titles: a title can be medical). */
  readonly refusedMedicalAttachments: number
  readonly completeness?: RivCompleteness
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export function partFileName(part: RivPart): string {
  const date = part.present && part.date ? `-${part.date}` : ''
  return `${String(part.number).padStart(2, '0')}-${slug(part.key)}${date}.pdf`
}

/** One part of the RIV as its own PDF. */
export async function renderRivPart(
  exp: DossierExport,
  riv: Reintegratieverslag,
  part: RivPart,
  fonts: DocumentFonts,
  options: RenderOptions & { readonly completeness?: RivCompleteness },
): Promise<Uint8Array> {
  const complete = rivCompleteness(exp, options).complete
  const layout = await Layout.create(fonts, textOf(exp))
  if (!part.present && part.key === 'oordeel-werknemer') writeOordeelWerknemerPrompt(layout)
  else if (part.key === 'medische-informatie') writeMedischeInformatie(layout)
  else if (!part.present) writeMissing(layout, part)
  else {
    for (const d of part.documents) {
      const ref = 'doc' in d && 'attachmentId' in d.doc ? d.doc.attachmentId : undefined
      const pdf = part.attachments.find((a) => a.id === ref)
      await writeDocument(layout, exp, riv.header, d, pdf?.contentBase64 !== undefined)
      if (pdf?.contentBase64) await layout.appendPdf(pdf.contentBase64, `Bijlage: ${pdf.title}`)
    }
  }
  return finishDocument(layout, {
    ...(complete ? {} : { watermark: CONCEPT_MARK }),
    title: `${part.number}. ${part.title} – ${riv.header.employeeName}`,
    subject: `Re-integratieverslag, onderdeel ${part.number}: ${part.title}`,
    author: part.author ? fmtAuthor(part.author) : `${exp.dossier.casemanager}, casemanager`,
    header: riv.header,
    producedAt: options.producedAt,
    createdAt: dossierCreatedAt(exp),
    ...(options.warn ? { warn: options.warn } : {}),
  })
}

async function renderIndex(
  exp: DossierExport,
  riv: Reintegratieverslag,
  files: readonly BundleFile[],
  fonts: DocumentFonts,
  options: RenderOptions & { readonly completeness?: RivCompleteness },
): Promise<Uint8Array> {
  const complete = rivCompleteness(exp, options).complete
  const layout = await Layout.create(fonts, textOf(exp))
  layout.newPage('Re-integratieverslag · inhoud')
  writeRivCover(layout, riv)
  const h = riv.header
  layout.heading('Inhoud van deze bundel')
  layout.table(
    [
      { title: 'Nr.', width: 0.06 },
      { title: 'Onderdeel', width: 0.32 },
      { title: 'Art. 6', width: 0.1 },
      { title: 'Datum', width: 0.12 },
      { title: 'Opgesteld door', width: 0.2 },
      { title: 'Bestand', width: 0.2 },
    ],
    files.map((f) => [
      String(f.number),
      f.title,
      f.items.join(', ') || '—',
      f.part === 'medische-informatie'
        ? '—'
        : fmtDate((f.date ?? undefined) as IsoDate | undefined),
      f.part === 'medische-informatie'
        ? 'Bedrijfsarts'
        : f.present
          ? (f.author ?? '—')
          : 'ontbreekt',
      f.file,
    ]),
  )
  layout.paragraph(
    'De medische informatie stuurt de bedrijfsarts via de werknemer in een gesloten envelop naar UWV; zij zit niet in deze bundel. Controlesommen (SHA-256) van elk bestand staan in manifest.json.',
    { muted: true, size: 8.5 },
  )
  if (riv.refusedAttachments.length > 0) {
    layout.paragraph(
      `${riv.refusedAttachments.length} als medisch gemarkeerde bijlage(n) zijn niet opgenomen.`,
      { muted: true, size: 8.5 },
    )
  }
  return finishDocument(layout, {
    ...(complete ? {} : { watermark: CONCEPT_MARK }),
    title: `Re-integratieverslag (inhoud) – ${h.employeeName}`,
    subject: 'Re-integratieverslag: inhoud van de bundel',
    author: `${exp.dossier.casemanager}, casemanager`,
    header: h,
    producedAt: options.producedAt,
    createdAt: dossierCreatedAt(exp),
    ...(options.warn ? { warn: options.warn } : {}),
  })
}

/** The check as it travels: a refused medical attachment is counted, never named. */
function withoutMedicalTitles(check: RivCompleteness): RivCompleteness {
  return {
    complete: check.complete,
    issues: check.issues.map((i) =>
      i.kind === 'medische-bijlage'
        ? {
            part: i.part,
            kind: i.kind,
            severity: i.severity,
            message: 'Een bijlage gemarkeerd als medisch is geweigerd en niet opgenomen.',
          }
        : i,
    ),
  }
}

/**
 * Renders every part, the index and the manifest, and zips them. `onProgress(done, total)` is
 * called after each file so the app can show progress on a large dossier.
 */
export async function buildRivBundle(
  exp: DossierExport,
  fonts: DocumentFonts,
  options: RenderOptions & {
    readonly completeness?: RivCompleteness
    readonly onProgress?: (done: number, total: number) => void
  },
): Promise<{ zip: Uint8Array; manifest: RivBundleManifest }> {
  const riv = buildReintegratieverslag(exp, options.dates)
  const checked = { ...options, completeness: rivCompleteness(exp, options) }
  const total = riv.parts.length + 2
  const entries: Zippable = {}
  const files: BundleFile[] = []
  for (const part of riv.parts) {
    const bytes = await renderRivPart(exp, riv, part, fonts, checked)
    const file = partFileName(part)
    entries[file] = [bytes, { level: 0 }]
    files.push({
      file,
      part: part.key,
      number: part.number,
      title: part.title,
      items: part.items,
      date: part.present ? (part.date ?? null) : null,
      author: part.present && part.author ? fmtAuthor(part.author) : null,
      present: part.present,
      bytes: bytes.length,
      sha256: await sha256Hex(bytes),
    })
    options.onProgress?.(files.length, total)
  }
  const index = await renderIndex(exp, riv, files, fonts, checked)
  const indexName = '00-inhoud.pdf'
  entries[indexName] = [index, { level: 0 }]
  options.onProgress?.(files.length + 1, total)
  const manifest: RivBundleManifest = {
    format: RIV_BUNDLE_FORMAT,
    version: 1,
    employee: riv.header.employeeName,
    bsn: riv.header.bsn,
    generatedOn: riv.generatedOn,
    files: [
      {
        file: indexName,
        part: 'inhoud',
        number: 0,
        title: 'Inhoud',
        items: [],
        date: riv.generatedOn,
        author: `${exp.dossier.casemanager}, casemanager`,
        present: true,
        bytes: index.length,
        sha256: await sha256Hex(index),
      },
      ...files,
    ],
    refusedMedicalAttachments: riv.refusedAttachments.length,
    ...(options.completeness ? { completeness: withoutMedicalTitles(options.completeness) } : {}),
  }
  entries['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2))
  const zip = zipSync(entries, { level: 6, mtime: options.producedAt })
  options.onProgress?.(total, total)
  return { zip, manifest }
}
