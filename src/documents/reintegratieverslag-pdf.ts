import type { DossierExport } from '../shared/documents/dossier-export'
import {
  buildReintegratieverslag,
  type Reintegratieverslag,
  type RivHeader,
  type RivDocument,
  type RivPart,
} from '../shared/documents/reintegratieverslag'
import { fmtAuthor, fmtDate } from './blocks'
import { writeEerstejaarsevaluatie, writeEindevaluatie, writeEvaluatie } from './evaluations-pdf'
import { Layout, MARGIN, PAGE, type DocumentFonts } from './layout'
import { finishDocument, type RenderOptions } from './page-chrome'
import { writePlanVanAanpak } from './plan-van-aanpak-pdf'
import {
  writeActueelOordeel,
  writeActiviteitenoverzicht,
  writeAdministratief,
  writeMedischeInformatie,
  writeOordeelWerknemer,
  writeOordeelWerknemerPrompt,
  writeProbleemanalyse,
} from './riv-parts-pdf'

/**
 * The re-integratieverslag as ONE PDF: an index page, then each part on its own pages under its
 * own title (vorm-beleidsregels art. 2 lid 2), with the BA's PDFs merged in after the part they
 * belong to. Attachments marked medical are never merged (domain §5.5 item 4).
 */

export async function writeDocument(
  layout: Layout,
  exp: DossierExport,
  header: RivHeader,
  d: RivDocument,
  hasPdf: boolean,
) {
  switch (d.kind) {
    case 'administratief':
      return writeAdministratief(layout, d.data)
    case 'probleemanalyse':
      return writeProbleemanalyse(layout, d.doc, hasPdf)
    case 'plan-van-aanpak':
      return writePlanVanAanpak(layout, exp, d.doc, header)
    case 'evaluatie':
      return writeEvaluatie(layout, d.doc)
    case 'eerstejaarsevaluatie':
      return writeEerstejaarsevaluatie(layout, d.doc)
    case 'actueel-oordeel':
      return writeActueelOordeel(layout, d.doc, hasPdf)
    case 'eindevaluatie':
      return writeEindevaluatie(layout, d.doc, exp)
    case 'oordeel-werknemer':
      return writeOordeelWerknemer(layout, d.doc)
    case 'medische-informatie':
      return writeMedischeInformatie(layout)
    case 'activiteitenoverzicht':
      return writeActiviteitenoverzicht(layout, exp)
  }
}

export function writeMissing(layout: Layout, part: RivPart) {
  layout.newPage(part.title)
  layout.title(part.title, 'Onderdeel ontbreekt')
  layout.paragraph('Dit onderdeel is nog niet in het dossier vastgelegd.', { muted: true })
}

/** The title and the employee's particulars that open the verslag's index (and the bundle's). */
export function writeRivCover(layout: Layout, riv: Reintegratieverslag) {
  layout.title(
    'Re-integratieverslag',
    'Wet verbetering poortwachter · Regeling procesgang eerste en tweede ziektejaar, art. 6',
  )
  const h = riv.header
  layout.keyValues([
    ['Werknemer', h.employeeName],
    ['Burgerservicenummer (BSN)', h.bsn],
    ['Geboortedatum', fmtDate(h.dateOfBirth)],
    ['Eerste ziektedag', fmtDate(h.firstSickDay)],
    ['Werkgever', h.employerName],
    ['Loonheffingennummer', h.loonheffingennummer ?? '—'],
    ['Samengesteld op', fmtDate(riv.generatedOn)],
  ])
}

function writeIndex(layout: Layout, riv: Reintegratieverslag, startPages: number[]) {
  layout.page = layout.pdf.getPage(0)
  layout.y = PAGE.height - MARGIN.top
  writeRivCover(layout, riv)
  layout.heading('Inhoud')
  layout.table(
    [
      { title: 'Nr.', width: 0.06 },
      { title: 'Onderdeel', width: 0.38 },
      { title: 'Art. 6', width: 0.11 },
      { title: 'Datum', width: 0.12 },
      { title: 'Opgesteld door', width: 0.23 },
      { title: 'Pagina', width: 0.1 },
    ],
    riv.parts.map((p, i) => [
      String(p.number),
      p.title,
      p.items.join(', ') || '—',
      p.key === 'medische-informatie' ? '—' : fmtDate(p.date),
      p.key === 'medische-informatie'
        ? 'Bedrijfsarts'
        : p.present
          ? fmtAuthor(p.author)
          : 'ontbreekt',
      String((startPages[i] ?? 0) + 1),
    ]),
  )
  if (riv.refusedAttachments.length > 0) {
    // A count, never the titles: a title can itself be medical (docs/adr/0009).
    const n = riv.refusedAttachments.length
    layout.paragraph(
      `Niet opgenomen: ${n} ${n === 1 ? 'bijlage' : 'bijlagen'} gemarkeerd als medisch.`,
      { muted: true, size: 8.5 },
    )
  }
}

export async function renderReintegratieverslag(
  exp: DossierExport,
  fonts: DocumentFonts,
  options: RenderOptions,
): Promise<Uint8Array> {
  const riv = buildReintegratieverslag(exp, options.dates)
  const layout = await Layout.create(fonts)
  layout.newPage('Re-integratieverslag · inhoud')
  const startPages: number[] = []
  for (const part of riv.parts) {
    startPages.push(layout.pages.length)
    if (!part.present && part.key === 'oordeel-werknemer') {
      writeOordeelWerknemerPrompt(layout)
      continue
    }
    if (!part.present && part.key !== 'medische-informatie') {
      writeMissing(layout, part)
      continue
    }
    for (const d of part.documents) {
      const ref = 'doc' in d && 'attachmentId' in d.doc ? d.doc.attachmentId : undefined
      const pdf = part.attachments.find((a) => a.id === ref)
      await writeDocument(layout, exp, riv.header, d, pdf?.contentBase64 !== undefined)
      if (pdf?.contentBase64) await layout.appendPdf(pdf.contentBase64, `Bijlage: ${pdf.title}`)
    }
  }
  writeIndex(layout, riv, startPages)
  return finishDocument(layout, {
    title: `Re-integratieverslag – ${riv.header.employeeName}`,
    subject: 'Re-integratieverslag (Regeling procesgang eerste en tweede ziektejaar, art. 6)',
    author: `${exp.dossier.casemanager}, casemanager`,
    header: riv.header,
    producedAt: options.producedAt,
  })
}
