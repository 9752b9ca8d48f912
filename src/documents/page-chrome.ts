import type { RuleCoreDates } from '../shared/documents/case-facts'
import type { RivHeader } from '../shared/documents/reintegratieverslag'
import { formatDutchDate } from '../shared/kernel/iso-date'
import { COLORS, MARGIN, type Layout } from './layout'
import { cleanText, drawable, textWidth } from './text'

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
  /** Told, in Dutch, what the reader should know (e.g. characters no font could draw). */
  readonly warn?: (message: string) => void
}

export type DocumentMeta = {
  readonly title: string
  readonly subject: string
  /** Who made the document (name, function). */
  readonly author: string
  readonly header: RivHeader
  /** Production time; injected so that output is reproducible. */
  readonly producedAt: Date
  /** When the content was made (e.g. the dossier's creation); the PDF's creation date. */
  readonly createdAt?: Date
  /** Printed at the top of every page, e.g. "CONCEPT – onvolledig". */
  readonly watermark?: string
  readonly warn?: (message: string) => void
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
  // Chrome text shrinks to its slot (never below 5 pt); what does not fit then is cut with an
  // ellipsis: all of it repeats what the document body says in full.
  const fit = (text: string, f: typeof font, size: number, width: number) => {
    let s = size
    let t = drawable(cleanText(text).replace(/\n/g, ' '), f)
    while (s > 5 && textWidth(f, t, s) > width) s -= 0.25
    while (t.length > 1 && textWidth(f, t, s) > width) t = `${[...t].slice(0, -2).join('')}…`
    return { t, s }
  }
  pdf.getPages().forEach((page, i) => {
    const info = layout.pages[i] ?? { label: meta.title, external: false }
    const { width, height } = page.getSize()
    const left = info.external ? 24 : MARGIN.left
    const right = width - left
    const area = { left, right, top: height, bottom: 0 }
    const draw = (
      text: string,
      x: number,
      y: number,
      size: number,
      f = font,
      color = COLORS.muted,
    ) => layout.drawLine(page, text, x, y, size, f, color, area)
    const footer = `BSN ${h.bsn}   ·   ${info.label}`
    const pageText = `Pagina ${i + 1} van ${total}`
    if (info.external) {
      // Foreign pages: a compact strip in the outer margin, so the BA's text stays readable.
      const top = fit(`${h.employeeName}   ·   ${headerLine}`, font, 6.5, right - left)
      draw(top.t, left, height - 14, top.s)
      const w = textWidth(font, pageText, 6.5)
      const foot = fit(footer, font, 6.5, right - left - w - 12)
      draw(foot.t, left, 9, foot.s)
      draw(pageText, right - w, 9, 6.5)
      return
    }
    const brand = fit(h.employerName, font, 8.5, (right - left) * 0.4)
    const bw = textWidth(font, brand.t, brand.s)
    const name = fit(h.employeeName, bold, 10.5, right - left - bw - 12)
    draw(name.t, left, height - 44, name.s, bold, COLORS.text)
    const sub = fit(headerLine, font, 8.5, right - left)
    draw(sub.t, left, height - 58, sub.s)
    draw(brand.t, right - bw, height - 44, brand.s)
    if (meta.watermark) {
      const mark = fit(meta.watermark, bold, 9, right - left)
      draw(
        mark.t,
        right - textWidth(bold, mark.t, mark.s),
        height - 30,
        mark.s,
        bold,
        COLORS.warning,
      )
    }
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
    const w = textWidth(font, pageText, 8)
    const foot = fit(footer, font, 8, right - left - w - 12)
    draw(foot.t, left, 30, foot.s)
    draw(pageText, right - w, 30, 8)
  })
  const missing = layout.missingCharacters()
  if (missing.length > 0)
    meta.warn?.(
      `Let op: ${missing.length === 1 ? '1 teken staat' : `${missing.length} tekens staan`} niet in de lettertypen van de PDF en ${missing.length === 1 ? 'is' : 'zijn'} afgedrukt als [U+…]: ${missing.join(', ')}.`,
    )
  if (layout.outside.length > 0)
    meta.warn?.(
      `Fout in de opmaak: tekst buiten het tekstvlak (${layout.outside.length}×), bijvoorbeeld ${layout.outside[0]}.`,
    )
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.author)
  pdf.setSubject(meta.subject)
  pdf.setCreator('Hervat')
  pdf.setProducer('Hervat (pdf-lib)')
  pdf.setLanguage('nl-NL')
  pdf.setKeywords(['re-integratie', 'Wet verbetering poortwachter'])
  pdf.setCreationDate(meta.createdAt ?? meta.producedAt)
  pdf.setModificationDate(meta.producedAt)
  return pdf.save({ useObjectStreams: true })
}
