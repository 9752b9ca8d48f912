import type { RuleCoreDates } from '../shared/documents/case-facts'
import type { RivHeader } from '../shared/documents/reintegratieverslag'
import { formatDutchDate } from '../shared/kernel/iso-date'
import { COLORS, MARGIN, type Layout } from './layout'

/**
 * Header and footer on every page, and the document's metadata.
 *
 * Header: employee name, eerste ziektedag and the employer's loonheffingennummer (what UWV
 * needs to match a document to a case). Footer: BSN, document type and date, "Pagina X van Y":
 * UWV requires the BSN on every document of the WIA upload (uwv-forms §1 rule 3, source U4), so
 * it is on every page, since pages of a bundle may be uploaded as separate documents.
 */

/** What every renderer takes besides the dossier and the fonts. */
export type RenderOptions = {
  /** Production time; injected so that output is reproducible. */
  readonly producedAt: Date
  /** What the rule core computed (first sick day after aggregation); see case-facts.ts. */
  readonly dates?: RuleCoreDates
}

export type DocumentMeta = {
  readonly title: string
  readonly subject: string
  /** Who made the document (name, function). */
  readonly author: string
  readonly header: RivHeader
  /** Production time; injected so that output is reproducible. */
  readonly producedAt: Date
}

const dash = '—'

export async function finishDocument(layout: Layout, meta: DocumentMeta): Promise<Uint8Array> {
  const { pdf, font, bold } = layout
  const h = meta.header
  const total = layout.pages.length
  const headerLine = [
    `Eerste ziektedag: ${h.firstSickDay ? formatDutchDate(h.firstSickDay) : dash}`,
    `Loonheffingennummer: ${h.loonheffingennummer ?? dash}`,
  ].join('   ·   ')
  pdf.getPages().forEach((page, i) => {
    const info = layout.pages[i] ?? { label: meta.title, external: false }
    const { width, height } = page.getSize()
    const left = info.external ? 24 : MARGIN.left
    const right = width - left
    const footer = `BSN ${h.bsn}   ·   ${info.label}`
    const pageText = `Pagina ${i + 1} van ${total}`
    if (info.external) {
      // Foreign pages: a compact strip in the outer margin, so the BA's text stays readable.
      const top = `${h.employeeName}   ·   ${headerLine}`
      page.drawText(top, { x: left, y: height - 14, size: 6.5, font, color: COLORS.muted })
      page.drawText(footer, { x: left, y: 9, size: 6.5, font, color: COLORS.muted })
      const w = font.widthOfTextAtSize(pageText, 6.5)
      page.drawText(pageText, { x: right - w, y: 9, size: 6.5, font, color: COLORS.muted })
      return
    }
    page.drawText(h.employeeName, {
      x: left,
      y: height - 44,
      size: 10.5,
      font: bold,
      color: COLORS.text,
    })
    page.drawText(headerLine, { x: left, y: height - 58, size: 8.5, font, color: COLORS.muted })
    const brand = h.employerName
    const bw = font.widthOfTextAtSize(brand, 8.5)
    page.drawText(brand, { x: right - bw, y: height - 44, size: 8.5, font, color: COLORS.muted })
    page.drawLine({
      start: { x: left, y: height - 68 },
      end: { x: right, y: height - 68 },
      thickness: 0.6,
      color: COLORS.rule,
    })
    page.drawLine({
      start: { x: left, y: 44 },
      end: { x: right, y: 44 },
      thickness: 0.6,
      color: COLORS.rule,
    })
    page.drawText(footer, { x: left, y: 30, size: 8, font, color: COLORS.muted })
    const w = font.widthOfTextAtSize(pageText, 8)
    page.drawText(pageText, { x: right - w, y: 30, size: 8, font, color: COLORS.muted })
  })
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.author)
  pdf.setSubject(meta.subject)
  pdf.setCreator('Hervat')
  pdf.setProducer('Hervat (pdf-lib)')
  pdf.setLanguage('nl-NL')
  pdf.setKeywords(['re-integratie', 'Wet verbetering poortwachter'])
  pdf.setCreationDate(meta.producedAt)
  pdf.setModificationDate(meta.producedAt)
  return pdf.save({ useObjectStreams: true })
}
