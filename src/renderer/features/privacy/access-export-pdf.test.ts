import 'fake-indexeddb/auto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { testFonts } from '../../../../test/fixtures/pdf/load-fonts'
import { ACCESS_PDF_HEADINGS, renderAccessExport } from '../../../documents/access-export-pdf'
import { DUTCH_KEYS } from '../../../shared/privacy/access-export'
import { freshRepos, seedDossier } from '../../storage/test-support'

/**
 * The access export (AVG art. 15) as a PDF, made from a dossier in the real (encrypted,
 * fake-indexeddb) repositories and read back with pdftotext, as the other PDF tests do.
 */

const OUT = 'test-results/pdf'
let text = ''

/** A real PDF whose text must never show up in the access export (it is marked medical). */
async function medicalPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage()
  page.drawText('GEHEIM-MEDISCH verslag', { font: await pdf.embedFont(StandardFonts.Helvetica) })
  return pdf.save()
}

beforeAll(async () => {
  const { repos } = freshRepos()
  await repos.settings.update({ userName: 'Petra Visser' })
  const { dossier } = await seedDossier(repos)
  await repos.sickPeriods.create(dossier.id, { start: '02-11-2026' })
  await repos.contacts.create(dossier.id, {
    date: '05-11-2026',
    kind: 'telefonisch',
    participants: 'werknemer, casemanager',
    summary: 'Belafspraak voor volgende week.',
  })
  const added = await repos.attachments.add(
    dossier.id,
    {
      title: 'Brief specialist',
      source: 'werknemer',
      kind: 'correspondentie',
      receivedOn: '06-11-2026',
      markedMedical: true,
    },
    { name: 'brief.pdf', mimeType: 'application/pdf', data: await medicalPdf() },
  )
  if (!added.ok) throw new Error(added.error.message)
  await repos.audit.record({
    action: 'view',
    objectType: 'dossiers',
    objectId: dossier.id,
    dossierId: dossier.id,
  })
  const bundle = (await repos.dossiers.getFull(dossier.id))!
  const bytes = await renderAccessExport(
    bundle,
    await repos.audit.forDossier(dossier.id),
    { at: '2026-11-20T10:00:00.000Z', by: 'Petra Visser' },
    testFonts(),
    { producedAt: new Date('2026-11-20T10:00:00.000Z') },
  )
  mkdirSync(OUT, { recursive: true })
  const file = join(OUT, 'inzage.pdf')
  writeFileSync(file, bytes)
  text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}, 60_000)

describe('access export PDF (AVG art. 15)', () => {
  it('holds the employee’s data, the dossier’s records and the audit trail', () => {
    expect(text).toContain('Inzage in persoonsgegevens (AVG artikel 15)')
    expect(text).toContain('Gemaakt op 20-11-2026 11:00 door Petra Visser')
    expect(text).toContain('Sanne de Vries')
    expect(text).toContain('Burgerservicenummer (BSN) 111222333')
    expect(text).toContain('Geboortedatum 14-03-1985')
    expect(text).toContain('Bakkerij Jansen')
    expect(text).toContain('3811 AB Amersfoort')
    // Records: the sick period and the contact, with Dutch dates and readable codes.
    expect(text).toContain('02-11-2026')
    expect(text).toContain('Belafspraak voor volgende week.')
    expect(text).toContain('Telefonisch')
    // The audit trail: when (Amsterdam time), who, what, outcome.
    expect(text).toMatch(/20-11-2026 11:00 Petra Visser Ingezien dossier \S+ Gelukt/)
    expect(text).toContain('Toegevoegd')
  })

  it('counts a medical document, never its title or content', () => {
    expect(text).not.toContain('Brief specialist')
    expect(text).toContain(
      'Daarnaast is 1 document als medisch gemarkeerd; de titel wordt niet getoond.',
    )
    expect(text).not.toContain('GEHEIM-MEDISCH')
  })

  it('has Dutch section headings and no untranslated field names', () => {
    expect(Object.values(ACCESS_PDF_HEADINGS)).toEqual([
      'Werknemer',
      'Werkgever',
      'Dossier',
      'Ziekteperiodes',
      'Gedeeltelijk herstel',
      'Verlof',
      'Contactmomenten',
      'Interventies',
      'Afspraken',
      'Documenten (alleen beschrijvende gegevens)',
      'Mijlpalen',
      'Audittrail: wie heeft het dossier ingezien, gewijzigd of geëxporteerd',
    ])
    for (const heading of Object.values(ACCESS_PDF_HEADINGS)) expect(text).toContain(heading)
    // Neither the English field names nor the JSON's camelCase keys reach the reader.
    const english = Object.keys(DUTCH_KEYS).filter((k) => DUTCH_KEYS[k] !== k && k.length > 3)
    expect(english.filter((k) => new RegExp(`\\b${k}\\b`).test(text))).toEqual([])
    expect(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []).toEqual([])
  })
})
