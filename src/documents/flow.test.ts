import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { testFonts } from '../../test/fixtures/pdf/load-fonts'
import {
  extractPdf,
  voorbeeldDossierInput,
  wordsMissingInOrder,
} from '../../test/fixtures/pdf/pdf-text'
import { parseDossierExport } from '../shared/documents/dossier-export'
import { TEXT_AREA, PAGE } from './layout'
import { renderReintegratieverslag } from './reintegratieverslag-pdf'
import { renderPlanVanAanpak } from './plan-van-aanpak-pdf'

/**
 * Long texts within the schema's limits flow across pages, in a table cell and in a label/value
 * row alike: every word comes back from the PDF's text layer, in order, inside the text area.
 */

const fonts = testFonts()
const producedAt = new Date('2025-10-09T10:00:00Z')

/** Numbered words, so that a word lost or out of order shows; exactly `length` characters. */
function longText(length: number, stem: string): string {
  const words: string[] = []
  let size = -1
  for (let i = 1; size + stem.length + String(i).length + 1 <= length; i++) {
    words.push(`${stem}${i}`)
    size += stem.length + String(i).length + 1
  }
  return words.join(' ').padEnd(length, 'x')
}

const fixture = voorbeeldDossierInput

describe('long texts flow across pages', () => {
  it('keeps every word of an 8,000-character contact summary and functionele beperkingen', async () => {
    const input = fixture() as unknown as {
      contacts: { summary: string }[]
      documents: { probleemanalyses: { functionalLimitations?: string }[] }
    }
    const summary = longText(8000, 'gesprek')
    const limitations = longText(8000, 'beperking')
    ;(input.contacts[0] as { summary: string }).summary = summary
    ;(
      input.documents.probleemanalyses[0] as { functionalLimitations?: string }
    ).functionalLimitations = limitations
    const parsed = parseDossierExport(input)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const bytes = await renderReintegratieverslag(parsed.value, fonts, { producedAt })
    const { body, words } = extractPdf(bytes)
    expect(wordsMissingInOrder(body, summary)).toEqual([])
    expect(wordsMissingInOrder(body, limitations)).toEqual([])
    // Nothing of the body runs into the margins: every word on the app's own pages lies
    // between the left and right margin.
    for (const w of words) {
      expect(w.x0, w.text).toBeGreaterThanOrEqual(TEXT_AREA.left - 33)
      expect(w.x1, w.text).toBeLessThanOrEqual(PAGE.width - TEXT_AREA.left + 33)
    }
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(53)
  }, 120_000)

  it('keeps every word of a long bijstelling reason and a long activity in the Plan van Aanpak', async () => {
    const input = fixture() as unknown as {
      documents: {
        planVanAanpak: {
          version: number
          bijstelling?: { reason: string }
          activities: { description: string }[]
        }[]
      }
    }
    const latest = input.documents.planVanAanpak.reduce((a, b) => (b.version > a.version ? b : a))
    const reason = longText(2000, 'reden')
    const activity = longText(1000, 'stap')
    if (latest.bijstelling) latest.bijstelling.reason = reason
    ;(latest.activities[0] as { description: string }).description = activity
    const parsed = parseDossierExport(input)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const { body } = extractPdf(await renderPlanVanAanpak(parsed.value, fonts, { producedAt }))
    expect(wordsMissingInOrder(body, reason)).toEqual([])
    expect(wordsMissingInOrder(body, activity)).toEqual([])
  }, 60_000)
})
