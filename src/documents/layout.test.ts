import { PDFDocument, PDFName, PDFPage } from 'pdf-lib'
import { describe, expect, it, vi } from 'vitest'
import { testFonts } from '../../test/fixtures/pdf/load-fonts'
import { rivHeader } from '../shared/documents/reintegratieverslag'
import { parseDossierExport } from '../shared/documents/dossier-export'
import { halfFinishedExport } from '../shared/documents/test-support'
import { CONTENT_WIDTH, Layout, MARGIN } from './layout'
import { finishDocument } from './page-chrome'
import { renderPlanVanAanpak } from './plan-van-aanpak-pdf'
import { renderReintegratieverslag } from './reintegratieverslag-pdf'
import { cleanText, wrapText } from './text'

const fonts = testFonts()
const exp = (() => {
  const r = parseDossierExport(halfFinishedExport())
  if (!r.ok) throw new Error(r.error.message)
  return r.value
})()
const producedAt = new Date('2025-10-01T12:00:00Z')

describe('text', () => {
  it('wraps with the font metrics, never wider than the column, keeping every word', async () => {
    const layout = await Layout.create(fonts)
    const text =
      'De werknemer hervat in eigen werk; overleg met de leidinggevende over één extra dagdeel. '.repeat(
        6,
      )
    const lines = wrapText(text, layout.font, 10, 200)
    expect(lines.length).toBeGreaterThan(5)
    for (const l of lines) expect(layout.font.widthOfTextAtSize(l, 10)).toBeLessThanOrEqual(201)
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.trim())
  })

  it('breaks a word longer than the column and keeps explicit newlines', async () => {
    const layout = await Layout.create(fonts)
    expect(wrapText('a'.repeat(200), layout.font, 10, 100).length).toBeGreaterThan(1)
    expect(wrapText('een\n\ntwee', layout.font, 10, 100)).toEqual(['een', '', 'twee'])
    expect(cleanText('a\tb\u0007c\r\nd')).toBe('a    bc\nd')
  })

  it('has glyphs for Dutch text: ë, é, ï, ü, €, ’ and “ ”', async () => {
    const layout = await Layout.create(fonts)
    const set = new Set(layout.font.getCharacterSet())
    for (const ch of 'ëéïüö€’“”–·') expect(set.has(ch.codePointAt(0) ?? 0), ch).toBe(true)
  })
})

describe('layout', () => {
  it('never leaves a heading at the bottom of a page', async () => {
    const layout = await Layout.create(fonts)
    layout.newPage('test')
    while (layout.y > MARGIN.bottom + 40) layout.paragraph('Regel tekst.')
    layout.heading('Kop die niet alleen mag staan')
    expect(layout.pages).toHaveLength(2)
  })

  it('repeats the table header on every page the table spans', async () => {
    const layout = await Layout.create(fonts)
    layout.newPage('test')
    const spy = vi.spyOn(PDFPage.prototype, 'drawText')
    const rows = Array.from({ length: 120 }, (_, i) => [String(i), 'Gesprek over de voortgang'])
    layout.table(
      [
        { title: 'Nr.', width: 0.2 },
        { title: 'Samenvatting', width: 0.8 },
      ],
      rows,
    )
    const headers = spy.mock.calls.filter(([text]) => text === 'Samenvatting').length
    spy.mockRestore()
    expect(layout.pages.length).toBeGreaterThan(2)
    expect(headers).toBe(layout.pages.length)
    expect(CONTENT_WIDTH).toBeGreaterThan(400)
  })

  it('writes metadata, language and page chrome', async () => {
    const layout = await Layout.create(fonts)
    layout.newPage('Testdocument')
    layout.paragraph('Inhoud')
    const bytes = await finishDocument(layout, {
      title: 'Test',
      subject: 'Onderwerp',
      author: 'Jeroen Smit, Casemanager',
      header: rivHeader(exp),
      producedAt,
    })
    const doc = await PDFDocument.load(bytes)
    expect(doc.getTitle()).toBe('Test')
    expect(doc.getCreator()).toBe('Hervat')
    expect(doc.getAuthor()).toBe('Jeroen Smit, Casemanager')
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(nl-NL)')
  })
})

describe('renderers on a half-finished dossier', () => {
  it('render the unsigned plan and a RIV with placeholders for missing parts', async () => {
    const pva = await PDFDocument.load(await renderPlanVanAanpak(exp, fonts, { producedAt }))
    expect(pva.getPageCount()).toBeGreaterThanOrEqual(2)
    const riv = await PDFDocument.load(await renderReintegratieverslag(exp, fonts, { producedAt }))
    // Index + 9 parts; the medical attachment is never merged.
    expect(riv.getPageCount()).toBe(11)
  })

  it('give the employee a blank oordeel page with items a–k as prompts, never pre-filled', async () => {
    const spy = vi.spyOn(PDFPage.prototype, 'drawText')
    await renderReintegratieverslag(exp, fonts, { producedAt })
    const texts = spy.mock.calls.map(([t]) => t)
    spy.mockRestore()
    expect(texts).toContain(
      'In te vullen door de werknemer (Regeling procesgang art. 6 lid 1 onder l)',
    )
    expect(texts).toContain('• k. passende arbeid bij de werkgever')
  })
})
