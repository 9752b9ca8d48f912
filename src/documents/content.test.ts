import { PDFDict, PDFDocument, PDFName, type PDFHexString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { testFonts } from '../../test/fixtures/pdf/load-fonts'
import { extractPdf, pdfPages, voorbeeldDossierInput } from '../../test/fixtures/pdf/pdf-text'
import { checkRivCompleteness } from '../shared/documents/completeness'
import { exportDate } from '../shared/documents/case-facts'
import { parseDossierExport, type DossierExport } from '../shared/documents/dossier-export'
import { halfFinishedExport } from '../shared/documents/test-support'
import { renderPlanVanAanpak } from './plan-van-aanpak-pdf'
import { CONCEPT_MARK, renderReintegratieverslag } from './reintegratieverslag-pdf'

/** What the documents say: hand-over dates, the concept marking, bookmarks and metadata. */

const fonts = testFonts()
const producedAt = new Date('2025-10-09T10:00:00Z')
const parse = (input: unknown): DossierExport => {
  const r = parseDossierExport(input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
const pagesOf = pdfPages

describe('hand-over to the employee', () => {
  it('prints "Afschrift aan de werknemer gegeven op" in the plan, also without a distribution list', async () => {
    const input = halfFinishedExport() as unknown as {
      documents: { planVanAanpak: { handedToEmployeeOn?: string; distribution: unknown[] }[] }
    }
    const plan = input.documents.planVanAanpak[0] as { handedToEmployeeOn?: string }
    plan.handedToEmployeeOn = '2025-02-03'
    const { body } = extractPdf(await renderPlanVanAanpak(parse(input), fonts, { producedAt }))
    expect(body.replace(/\s+/g, ' ')).toContain('Afschrift verstrekt aan werknemer 03-02-2025')
    expect(body).toContain('Uitgereikt aan werknemer op 03-02-2025')
    expect(body).not.toContain('Nog niet verstrekt')
  })

  it('prints the hand-over date of each RIV part that has one', async () => {
    const exp = parse(voorbeeldDossierInput())
    const t = pagesOf(await renderReintegratieverslag(exp, fonts, { producedAt }))
      .join('\n')
      .replace(/\s+/g, ' ')
    const dated = [
      ...exp.documents.probleemanalyses,
      ...exp.documents.planVanAanpak,
      ...exp.documents.evaluaties,
      ...exp.documents.actueelOordelen,
    ].filter((d) => d.handedToEmployeeOn)
    expect(dated.length).toBeGreaterThan(3)
    for (const d of dated) {
      const [y, m, day] = (d.handedToEmployeeOn ?? '').split('-')
      expect(t, d.id).toContain(`Uitgereikt aan werknemer op ${day}-${m}-${y}`)
    }
  }, 60_000)
})

describe('re-integratieverslag', () => {
  it('marks every page of an incomplete RIV "CONCEPT – onvolledig"', async () => {
    const exp = parse(halfFinishedExport())
    expect(checkRivCompleteness(exp, exportDate(exp)).complete).toBe(false)
    const pages = pagesOf(await renderReintegratieverslag(exp, fonts, { producedAt }))
    expect(pages.length).toBeGreaterThan(5)
    for (const p of pages) expect(p).toContain(CONCEPT_MARK)
  }, 60_000)

  it('has no concept marking when the check finds the RIV complete', async () => {
    const exp = parse(halfFinishedExport())
    const bytes = await renderReintegratieverslag(exp, fonts, {
      producedAt,
      completeness: { complete: true, issues: [] },
    })
    for (const p of pagesOf(bytes)) expect(p).not.toContain('CONCEPT')
  }, 60_000)

  it('has a bookmark per part that opens the part, the title and the dossier creation date as metadata', async () => {
    const exp = parse(voorbeeldDossierInput())
    const bytes = await renderReintegratieverslag(exp, fonts, { producedAt })
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    const titles: string[] = []
    const targets: number[] = []
    const pageRefs = doc.getPages().map((p) => p.ref.toString())
    let item = outlines.lookup(PDFName.of('First'), PDFDict) as PDFDict | undefined
    while (item) {
      titles.push((item.lookup(PDFName.of('Title')) as PDFHexString).decodeText())
      const dest = item.lookup(PDFName.of('Dest')) as unknown as { get: (i: number) => unknown }
      targets.push(pageRefs.indexOf(String(dest.get(0))))
      item = item.lookup(PDFName.of('Next')) as PDFDict | undefined
    }
    expect(titles[0], titles.join(' | ')).toBe('Inhoud')
    expect(titles).toHaveLength(10)
    const texts = pagesOf(bytes)
    const opens = (title: string, text: string) => {
      const at = titles.findIndex((t) => t.endsWith(title))
      expect(at, title).toBeGreaterThan(0)
      expect(texts[targets[at] ?? -1] ?? '', title).toContain(text)
    }
    opens('Plan van Aanpak en bijstellingen', 'Plan van Aanpak')
    opens('Actueel oordeel bedrijfsarts', 'Actueel oordeel bedrijfsarts')
    opens('Medische informatie', 'Medische informatie')
    opens('Oordeel werknemer', 'Oordeel werknemer')
    opens('Overzicht contactmomenten, gewerkte uren en interventies', 'Contactmomenten (')
    expect(new Set(targets).size).toBe(targets.length)
    expect(targets).toEqual([...targets].sort((a, b) => a - b))
    expect(doc.getTitle()).toBe('Re-integratieverslag – Chloë de Bruïne')
    expect(doc.getCreationDate()?.toISOString()).toBe(new Date(exp.dossier.createdAt).toISOString())
    expect(doc.getModificationDate()?.toISOString()).toBe(producedAt.toISOString())
    expect(texts.join('\n')).not.toContain('Medische informatie (niet meesturen)')
  }, 60_000)
})
