import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { PDFDocument } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { testFonts } from '../../test/fixtures/pdf/load-fonts'
import { checkRivCompleteness } from '../shared/documents/completeness'
import { parseDossierExport, type DossierExport } from '../shared/documents/dossier-export'
import { buildMelding42 } from '../shared/documents/melding-42'
import type { IsoDate } from '../shared/kernel/iso-date'
import { renderMelding42 } from '../documents/melding-42-pdf'
import { buildRivBundle, sha256Hex, type RivBundleManifest } from '../documents/riv-bundle'

const OUT = 'test-results/pdf'
const fonts = testFonts()
const producedAt = new Date('2025-10-09T10:00:00Z')
let exp: DossierExport
let files: Record<string, Uint8Array>
let manifest: RivBundleManifest
const progress: [number, number][] = []

const text = (name: string, bytes: Uint8Array) => {
  const file = join(OUT, `bundle-${name}`)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  const r = parseDossierExport(
    JSON.parse(readFileSync('test/fixtures/voorbeeld-dossier.json', 'utf8')),
  )
  if (!r.ok) throw new Error(r.error.message)
  exp = r.value
  const completeness = checkRivCompleteness(exp, '2025-10-09' as IsoDate)
  const bundle = await buildRivBundle(exp, fonts, {
    producedAt,
    completeness,
    onProgress: (done, total) => progress.push([done, total]),
  })
  writeFileSync(join(OUT, 're-integratieverslag-bundel.zip'), bundle.zip)
  files = unzipSync(bundle.zip)
  manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as RivBundleManifest
}, 60_000)

describe('RIV bundle', () => {
  it('is one zip with the index, one PDF per part and a manifest whose hashes match', async () => {
    const names = Object.keys(files).sort()
    expect(names[0]).toBe('00-inhoud.pdf')
    expect(names).toContain('manifest.json')
    expect(manifest.files.map((f) => f.file).sort()).toEqual(
      names.filter((n) => n.endsWith('.pdf')),
    )
    expect(manifest.files).toHaveLength(10) // index + the 9 parts
    for (const f of manifest.files) {
      const bytes = files[f.file] ?? new Uint8Array()
      expect(strFromU8(bytes.subarray(0, 5))).toBe('%PDF-')
      expect(await sha256Hex(bytes)).toBe(f.sha256)
      expect(bytes.length).toBe(f.bytes)
      await PDFDocument.load(bytes)
    }
    expect(manifest.files.find((f) => f.part === 'plan-van-aanpak')?.file).toMatch(
      /^03-plan-van-aanpak-\d{4}-\d{2}-\d{2}\.pdf$/,
    )
    expect(progress.at(-1)).toEqual([11, 11])
  })

  it('keeps each part recognisable on its own, with BSN and the part title', () => {
    const pva = manifest.files.find((f) => f.part === 'plan-van-aanpak')
    const t = text(pva?.file ?? '', files[pva?.file ?? ''] ?? new Uint8Array())
    expect(t).toContain('Plan van Aanpak')
    expect(t).toContain('BSN 111222333')
    expect(t).toContain('Bijstelling Plan van Aanpak')
    const index = text('00-inhoud.pdf', files['00-inhoud.pdf'] ?? new Uint8Array())
    expect(index).toContain('Inhoud van deze bundel')
    expect(index).toContain('03-plan-van-aanpak')
  })

  it('never carries an attachment marked medical', () => {
    expect(manifest.refusedMedicalAttachments).toBe(1)
    expect(strFromU8(files['manifest.json'] ?? new Uint8Array())).not.toContain(
      'Medische informatie (niet meesturen)',
    )
    const medical = exp.attachments.find((a) => a.markedMedical)
    const medicalBytes = Buffer.from(medical?.contentBase64 ?? '', 'base64')
    for (const [name, bytes] of Object.entries(files)) {
      expect(Buffer.from(bytes).includes(medicalBytes), name).toBe(false)
    }
    const t = text(
      '07.pdf',
      files[manifest.files.find((f) => f.part === 'medische-informatie')?.file ?? ''] ??
        new Uint8Array(),
    )
    expect(t).toContain('Medische informatie')
  })
})

describe('42-week report data sheet', () => {
  it('holds the portal fields, no medical information', async () => {
    const m = buildMelding42(exp, {
      firstSickDay: '2023-10-09' as IsoDate,
      reportDue: '2024-07-29' as IsoDate,
    })
    expect(m.werknemer.burgerservicenummer).toBe('111222333')
    expect(m.werkgever.loonheffingennummer).toBe(exp.employer.loonheffingennummer)
    expect(m.verzuim).toMatchObject({
      eersteZiektedag: '2023-10-09',
      uitersteMeldingsdatum: '2024-07-29',
    })
    const pdf = await renderMelding42(exp, fonts, {
      producedAt,
      dates: { firstSickDay: '2023-10-09' as IsoDate, reportDue: '2024-07-29' as IsoDate },
    })
    const t = text('42e-weeksmelding.pdf', pdf)
    expect(t).toContain('Gegevens voor de 42e-weeksmelding')
    expect(t).toContain('Uiterste meldingsdatum 29-07-2024')
    expect(t).toContain('111222333')
    expect(t).toContain(exp.employer.loonheffingennummer ?? 'x')
  })

  it('shows the report as made (date, reporter, channel, UWV kenmerk) and the hours worked now', async () => {
    const reported: DossierExport = {
      ...exp,
      documents: {
        ...exp.documents,
        melding42: {
          id: 'm42',
          date: '2024-10-25' as IsoDate,
          author: { name: 'Petra Visser', function: 'Casemanager' },
          reportedBy: 'Petra Visser',
          channel: 'werkgeversportaal',
          uwvKenmerk: 'ZW-2024-118842',
        },
      },
    }
    const dates = { firstSickDay: '2024-01-08' as IsoDate, reportDue: '2024-10-28' as IsoDate }
    const m = buildMelding42(reported, dates)
    expect(m.melding).toEqual({
      gemeldOp: '2024-10-25',
      gemeldDoor: 'Petra Visser',
      kanaal: 'werkgeversportaal',
      kanaalOmschrijving: 'Werkgeversportaal UWV (Verzuimmelder)',
      uwvKenmerk: 'ZW-2024-118842',
    })
    // The latest record of hours on or before the sheet's date: the evaluation of 21 July 2025.
    expect(m.werknemer.urenGewerktPerWeek).toEqual({
      uren: 20,
      vastgelegdOp: '2025-07-21',
      bron: 'evaluatie',
    })
    expect(m.opmerkingen.join(' ')).not.toContain('Nog niet vastgelegd wanneer')
    const t = text(
      '42e-weeksmelding-gemeld.pdf',
      await renderMelding42(reported, fonts, { producedAt, dates }),
    )
    expect(t).toContain('Gemeld op 25-10-2024')
    expect(t).toContain('Gemeld door Petra Visser')
    expect(t).toContain('Kenmerk UWV ZW-2024-118842')
    expect(t).toContain('Uren nu gewerkt per week 20 (evaluatie van 21-07-2025)')

    // Without a registered report the sheet says so, in the JSON and on the PDF.
    const none = buildMelding42(exp, dates)
    expect(none.melding).toBeNull()
    expect(none.opmerkingen).toContain(
      'Nog niet vastgelegd wanneer, door wie en met welk kenmerk van UWV de melding is gedaan.',
    )
    const t2 = text(
      '42e-weeksmelding-open.pdf',
      await renderMelding42(exp, fonts, { producedAt, dates }),
    )
    expect(t2).toContain('Gemeld op Nog niet gemeld')
  })
})
