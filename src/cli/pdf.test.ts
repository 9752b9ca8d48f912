import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, PDFName } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDossierExport, type DossierExport } from '../shared/documents/dossier-export'
import { loadFonts, renderPdf, type PdfKind } from './pdf'

/**
 * End-to-end checks of the generated PDFs with poppler-utils (installed here and in CI):
 * pdftotext for content, pdffonts for embedded subset fonts, pdfinfo for metadata, pdftoppm for
 * PNG previews in test-results/pdf/ (a CI artefact to look at).
 */

const FIXTURE = 'test/fixtures/voorbeeld-dossier.json'
/** The multi-page documents checked here; every kind through the command line: pdf-cli.test.ts. */
const PDF_KINDS = ['plan-van-aanpak', 're-integratieverslag', 'eerstejaarsevaluatie'] as const
const OUT = 'test-results/pdf'
const files: Record<string, string> = {}
const texts: Record<string, string> = {}

function exportOf(path: string): DossierExport {
  const r = parseDossierExport(JSON.parse(readFileSync(path, 'utf8')))
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const pages = (kind: PdfKind) => (texts[kind] ?? '').split('\f').filter((p) => p.trim() !== '')
const squash = (s: string) => s.replace(/\s+/g, ' ')

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  const exp = exportOf(FIXTURE)
  const fonts = loadFonts()
  for (const kind of PDF_KINDS) {
    const file = join(OUT, `${kind}.pdf`)
    writeFileSync(file, await renderPdf(kind, exp, fonts, new Date('2025-10-09T10:00:00Z')))
    files[kind] = file
    texts[kind] = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '2', file, join(OUT, kind)])
  }
}, 60_000)

describe.each(PDF_KINDS)('%s', (kind) => {
  it('has the header on every page, the BSN in every footer and "Pagina X van Y"', () => {
    const all = pages(kind)
    expect(all.length).toBeGreaterThan(1)
    all.forEach((page, i) => {
      expect(page).toContain('Chloë de Bruïne')
      expect(page).toContain('Eerste ziektedag: 08-01-2024')
      expect(page).toContain('Loonheffingennummer: 812345678L01')
      expect(page).toContain('BSN 111222333')
      expect(page).toContain(`Pagina ${i + 1} van ${all.length}`)
    })
  })

  it('embeds every font as a subset', () => {
    const out = execFileSync('pdffonts', [files[kind] ?? ''], { encoding: 'utf8' })
    const rows = out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+\S+/)
      expect(row).toMatch(/\syes\s+yes\s+yes\s/)
    }
  })

  it('carries Dutch metadata', async () => {
    const info = execFileSync('pdfinfo', [files[kind] ?? ''], { encoding: 'utf8' })
    expect(info).toMatch(/Creator:\s+Hervat/)
    expect(info).toMatch(/Title:\s+.*Chloë de Bruïne/)
    expect(info).toMatch(/Author:\s+\S/)
    expect(info).toMatch(/Subject:\s+\S/)
    const doc = await PDFDocument.load(readFileSync(files[kind] ?? ''))
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(nl-NL)')
  })
})

describe('Plan van Aanpak', () => {
  it('holds every section of uwv-forms §2.2 with the fixture data', () => {
    const t = squash(texts['plan-van-aanpak'] ?? '')
    for (const s of [
      'Bijstelling Plan van Aanpak (versie 9)',
      'Datum: 1 juli 2025 · Opgesteld door: Jeroen Smit, Casemanager',
      'Reden van de bijstelling',
      '1. Gegevens werknemer',
      'Burgerservicenummer (BSN) 111222333',
      'Églantierstraat 7, 4331 KL Middelburg',
      '2. Gegevens werkgever',
      'Transportbedrijf De Zeeuwse Stroom B.V.',
      '3. Casemanager',
      '4. Bedrijfsarts en arbodienst',
      '5.1 Visie van de werknemer',
      '5.2 Visie van de werkgever',
      '6. Doel van de re-integratie',
      'Werk bij een andere werkgever (spoor 2)',
      '7. Afspraken',
      'Activiteit Doel Wie Start Termijn Status',
      '8. Contact en evaluatie',
      'Evaluatie einde eerste ziektejaar 23-12-2024',
      '9. Ondertekening en verstrekking',
      'Annelies van Dijk, Directeur',
      'Chloë de Bruïne, Planner logistiek',
    ]) {
      expect(t).toContain(s)
    }
  })
})

describe('Eerstejaarsevaluatie', () => {
  it('records the look back and the explicit spoor-2 decision', () => {
    const t = squash(texts.eerstejaarsevaluatie ?? '')
    expect(t).toContain('Eerstejaarsevaluatie')
    expect(t).toContain('1. Terugblik op het eerste ziektejaar')
    expect(t).toContain('5. Beslissing over spoor 2')
    expect(t).toContain('Spoor 2 wordt gestart')
    expect(t).toContain('Re-integratie op koers Nee')
    expect(t).toContain('Terugkeer loopt achter op de planning')
  })
})

describe('Re-integratieverslag', () => {
  it('has an index and every part under its own title, in order', () => {
    const all = pages('re-integratieverslag')
    const index = squash(all[0] ?? '')
    expect(index).toContain('Re-integratieverslag')
    expect(index).toContain('Inhoud')
    const titles = [
      'Administratieve gegevens',
      'Probleemanalyse',
      'Bijstelling probleemanalyse',
      'Plan van Aanpak',
      'Bijstelling Plan van Aanpak (versie 8)',
      'Eerstejaarsevaluatie',
      'Evaluatie re-integratie',
      'Actueel oordeel bedrijfsarts',
      'Eindevaluatie',
      'Medische informatie',
      'Oordeel werknemer',
      'Overzicht contactmomenten en interventies',
    ]
    let from = 1
    for (const title of titles) {
      const at = all.findIndex((p, i) => i >= from && p.split('\n').some((l) => l.trim() === title))
      expect(at, title).toBeGreaterThanOrEqual(from)
      from = at
    }
    const t = squash(texts['re-integratieverslag'] ?? '')
    expect(t).toContain('3. Aard van het bedrijf')
    expect(t).toContain('4. Oordeel werkgever over de kwaliteit van de arbeidsrelatie')
    expect(t).toContain('5. Oordeel werkgever over passende arbeid bij de werkgever')
    expect(t).toContain('Bekwaamheden van de werknemer (d)')
    expect(t).toContain('MBO-4 Logistiek')
  })

  it('merges the three BA PDFs and leaves the medical one out', () => {
    const all = pages('re-integratieverslag')
    const attached = all.filter((p) => p.includes('Bijlage: '))
    expect(attached).toHaveLength(3)
    const t = squash(texts['re-integratieverslag'] ?? '')
    expect(t).toContain('Langdurig verzuim wordt verwacht')
    expect(t).toContain('Advies: onderzoek passend werk elders (spoor 2) naast spoor 1.')
    expect(t).toContain('voor werk met vaste werktijden tot 24 uur per week')
    expect(t).not.toContain('Dit document is gemarkeerd als medisch')
    // A count, never the title of the medical attachment.
    expect(t).toContain('1 bijlage niet opgenomen (medisch).')
    expect(t).not.toContain('Medische informatie (niet meesturen)')
  })

  it('lists all contactmomenten with hours worked', () => {
    const exp = exportOf(FIXTURE)
    const t = squash(texts['re-integratieverslag'] ?? '')
    expect(t).toContain(`Contactmomenten (${exp.contacts.length})`)
    expect(t).toContain('Datum Soort Deelnemers Samenvatting Uren')
  })
})
