import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { HervatApp } from './app-model'

const OUT = 'test-results/e2e-documents'

/** A small real PDF, as a bedrijfsarts would send one. */
async function baPdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595, 842])
  page.drawText(text, {
    x: 60,
    y: 760,
    size: 14,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  })
  return Buffer.from(await pdf.save())
}

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

/** dd-mm-jjjj, `days` from today (Amsterdam is the test's time zone). */
function dutchDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`
}

test('Plan van Aanpak offline: fill, both sign, PDF download, bijstelling makes version 2; completeness lists what is missing', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000)
  mkdirSync(OUT, { recursive: true })
  const app = new HervatApp(page)
  // The app fetches the document generator and its fonts once when it starts.
  const fonts = Promise.all([
    page.waitForResponse((r) => /DejaVuSans-[^/]*\.ttf$/.test(r.url()) && r.ok()),
    page.waitForResponse((r) => /DejaVuSans-Bold-[^/]*\.ttf$/.test(r.url()) && r.ok()),
  ])
  await app.open()
  await fonts

  await context.setOffline(true)
  expect(await page.evaluate('navigator.onLine')).toBe(false)

  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: '111222333',
    firstSickDay: dutchDate(-30),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
  await app.tab('Re-integratieverslag')

  // A half-finished dossier: the completeness check names what is missing before sending.
  const missing = page.getByRole('list', { name: 'Wat ontbreekt' })
  await expect(missing).toContainText('De probleemanalyse ontbreekt.')
  await expect(missing).toContainText('Het Plan van Aanpak ontbreekt.')
  await expect(missing).toContainText('De eerstejaarsevaluatie ontbreekt.')
  await expect(page.getByText(/Niet compleet: \d+ punten/)).toBeVisible()

  // Fill the Plan van Aanpak.
  await page.getByRole('button', { name: 'Plan van Aanpak opstellen' }).click()
  const form = app.form('Plan van Aanpak')
  await expect(form.getByLabel('Datum van het plan')).toHaveValue(dutchDate(0))
  await expect(form.getByText(/Plan van Aanpak: uiterlijk \d{2}-\d{2}-\d{4}/)).toBeVisible()
  // The end-of-year-one evaluation is pre-filled from the rule core.
  const eje = form.getByRole('group', { name: /Evaluatiemoment/ }).last()
  await expect(eje.getByLabel('Soort')).toHaveValue('eerstejaarsevaluatie')
  await expect(eje.getByLabel('Datum')).toHaveValue(/\d{2}-\d{2}-\d{4}/)
  await form.getByLabel('Functie opsteller').fill('Casemanager')
  await form
    .getByLabel('5.1 Visie van de werknemer (eigen woorden)')
    .fill('Ik wil stap voor stap terug naar mijn eigen werk in de bakkerij.')
  await form
    .getByLabel('5.2 Visie van de werkgever')
    .fill('Wij bieden aangepast werk aan: eerst ochtenden, zonder nachtdiensten.')
  await form.getByLabel('6. Doel van de re-integratie').selectOption('eigen-werk-aangepast')
  await form.getByRole('button', { name: 'Afspraak toevoegen' }).click()
  const activity = form.getByRole('group', { name: 'Afspraak 1' })
  await activity
    .getByRole('textbox', { name: 'Activiteit', exact: true })
    .fill('Werkplek aanpassen')
  await activity
    .getByRole('textbox', { name: 'Doel', exact: true })
    .fill('Vier ochtenden per week werken')
  await activity.getByRole('combobox', { name: 'Wie', exact: true }).selectOption('werkgever')
  await activity.getByRole('textbox', { name: 'Termijn', exact: true }).fill(dutchDate(28))
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form).toBeHidden()

  const documents = page.getByRole('table', { name: 'Documenten van het dossier' })
  const v1 = documents.getByRole('row', { name: 'Plan van Aanpak (versie 1)' })
  await expect(v1).toContainText('Concept')
  await expect(v1).toContainText('Petra Visser, Casemanager')
  await expect(missing).not.toContainText('Het Plan van Aanpak ontbreekt.')
  await expect(missing).toContainText('Plan van Aanpak is niet ondertekend door de werkgever.')

  // The employer signs on the canvas.
  await v1.getByRole('button', { name: 'Ondertekenen werkgever' }).click()
  const employerSign = app.form('Ondertekenen door de werkgever')
  await employerSign.getByLabel('Naam ondertekenaar').fill('Jan Jansen')
  await employerSign.getByLabel('Functie ondertekenaar').fill('Directeur')
  // Without a drawing nothing is signed.
  await employerSign.getByRole('button', { name: 'Ondertekenen' }).click()
  await expect(employerSign.getByText('Zet eerst een handtekening in het vak.')).toBeVisible()
  await app.drawSignature('Handtekening werkgever')
  await expect(page.getByRole('img', { name: 'Handtekening werkgever' })).toHaveAttribute(
    'data-inked',
    'ja',
  )
  await employerSign.getByRole('button', { name: 'Ondertekenen' }).click()
  await expect(employerSign).toBeHidden()
  await expect(v1).toContainText('Ondertekend door werkgever')
  await expect(v1).toContainText('Werkgever: Jan Jansen, Directeur')
  // Signed by one party: no longer editable.
  await expect(v1.getByRole('button', { name: 'Bewerken' })).toHaveCount(0)

  // The employee signs.
  await v1.getByRole('button', { name: 'Ondertekenen werknemer' }).click()
  const employeeSign = app.form('Ondertekenen door de werknemer')
  await expect(employeeSign.getByLabel('Naam ondertekenaar')).toHaveValue('Sanne de Vries')
  await app.drawSignature('Handtekening werknemer')
  await page.screenshot({ path: `${OUT}/pva-ondertekenen.png`, fullPage: true })
  await employeeSign.getByRole('button', { name: 'Ondertekenen' }).click()
  await expect(employeeSign).toBeHidden()
  await expect(v1).toContainText('Ondertekend (definitief)')
  await expect(v1).toContainText('Werknemer: Sanne de Vries, Administratief medewerker')
  await page.screenshot({ path: `${OUT}/pva-ondertekend.png`, fullPage: true })

  // Generate the PDF: a download in the browser build.
  const download = page.waitForEvent('download')
  await v1.getByRole('button', { name: 'PDF maken' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(
    /^Plan-van-Aanpak-versie-1-\d{4}-\d{2}-\d{2}-Sanne-de-Vries\.pdf$/,
  )
  const path = `${OUT}/plan-van-aanpak.pdf`
  await file.saveAs(path)
  const bytes = readFileSync(path)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pdf = await PDFDocument.load(bytes)
  expect(pdf.getTitle()).toBe('Plan van Aanpak – Sanne de Vries')
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  expect(text).toContain('Plan van Aanpak')
  expect(text).toContain('BSN 111222333')
  expect(text).toContain('Werkplek aanpassen')
  expect(text).toContain('Ik wil stap voor stap terug naar mijn eigen werk in de bakkerij.')
  expect(text).toContain('Jan Jansen, Directeur')
  expect(text).toContain('Sanne de Vries, Administratief medewerker')
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '2', path, `${OUT}/plan-van-aanpak`])

  // Change the signed plan: a bijstelling is version 2; version 1 stays signed and unchanged.
  await v1.getByRole('button', { name: 'Bijstellen' }).click()
  const amend = app.form('Bijstelling Plan van Aanpak (versie 2)')
  await amend
    .getByLabel('5.1 Visie van de werknemer (eigen woorden)')
    .fill('Het gaat beter: ik wil nu ook twee middagen werken.')
  await amend.getByRole('button', { name: 'Nieuwe versie opslaan' }).click()
  await expect(amend.getByText('Dit veld is verplicht.')).toBeVisible()
  await amend
    .getByLabel('Reden van de bijstelling')
    .fill('Evaluatie: de opbouw gaat sneller dan gepland.')
  await amend.getByRole('button', { name: 'Nieuwe versie opslaan' }).click()
  await expect(amend).toBeHidden()
  const v2 = documents.getByRole('row', { name: 'Bijstelling Plan van Aanpak (versie 2)' })
  await expect(v2).toContainText('Concept')
  await expect(v2.getByRole('button', { name: 'Ondertekenen werkgever' })).toBeVisible()
  await expect(v1).toContainText('Ondertekend (definitief)')
  await expect(v1.getByRole('button', { name: 'Bewerken' })).toHaveCount(0)
  await expect(v1.getByRole('button', { name: 'Bijstellen' })).toHaveCount(0)
  await expect(missing).toContainText(
    'Bijstelling Plan van Aanpak (versie 2) is niet ondertekend door de werkgever.',
  )

  // Version 1's PDF is still the signed one, with the old view.
  const again = page.waitForEvent('download')
  await v1.getByRole('button', { name: 'PDF maken' }).click()
  const v1Path = `${OUT}/plan-van-aanpak-v1-na-bijstelling.pdf`
  await (await again).saveAs(v1Path)
  const v1Text = execFileSync('pdftotext', [v1Path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(v1Text).toContain('Ik wil stap voor stap terug')
  expect(v1Text).not.toContain('twee middagen')

  // Each PDF that left the app is in the dossier's audit trail, newest first (issue 6).
  await app.tab('Privacy en inzage')
  const trail = page.getByRole('table', { name: 'Audittrail van dit dossier' })
  const exports = trail.getByRole('row', { name: /Geëxporteerd/ })
  await expect(exports).toHaveCount(2)
  await expect(exports.first()).toContainText('document van het re-integratieverslag')
  await expect(exports.first()).toContainText('Plan van Aanpak')
  await expect(exports.first()).toContainText('Gelukt')
  expect(await page.evaluate('navigator.onLine')).toBe(false)
})

test('RIV offline: probleemanalyse with the BA PDF, eerstejaarsevaluatie with the spoor-2 decision, bundle, 42-week sheet and a dossier export the CLI reads', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  mkdirSync(OUT, { recursive: true })
  const app = new HervatApp(page)
  const fonts = page.waitForResponse((r) => /DejaVuSans-Bold-[^/]*\.ttf$/.test(r.url()) && r.ok())
  await app.open()
  await fonts
  await context.setOffline(true)

  await app.createEmployerFromNewDossier('Installatiebedrijf Kok')
  await app.fillNewEmployeeDossier({
    firstName: 'Chloë',
    lastName: 'de Bruïne',
    bsn: '111222333',
    firstSickDay: dutchDate(-380),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Chloë de Bruïne' })).toBeVisible()

  // A medical letter in the dossier's documents: it must never leave in an export.
  await app.tab('Documenten')
  await page.getByRole('button', { name: 'Document toevoegen' }).click()
  const att = app.form('Document toevoegen')
  await att.getByLabel('PDF-bestand').setInputFiles({
    name: 'brief.pdf',
    mimeType: 'application/pdf',
    buffer: await baPdf('GEHEIM-MEDISCH specialistenbrief'),
  })
  await att.getByLabel('Titel').fill('Brief specialist')
  await att.getByLabel('Bevat medische informatie').check()
  await att.getByRole('button', { name: 'Document opslaan' }).click()
  await expect(att).toBeHidden()

  await app.tab('Re-integratieverslag')
  await page.getByRole('button', { name: 'Probleemanalyse (niet-medisch deel) toevoegen' }).click()
  const pa = app.form('Probleemanalyse registreren')
  await expect(pa.getByLabel('Functie opsteller')).toHaveValue('Bedrijfsarts')
  await pa.getByLabel('Naam opsteller').fill('M. Kuipers')
  await pa.getByRole('textbox', { name: 'Bedrijfsarts', exact: true }).fill('M. Kuipers')
  await pa.getByLabel('Benutbare mogelijkheden').selectOption('beperkt')
  await pa
    .getByLabel('Advies over de re-integratie')
    .fill('Opbouw in eigen werk, vier uur per dag.')
  await pa.getByLabel('Of voeg de PDF van de bedrijfsarts toe').setInputFiles({
    name: 'probleemanalyse.pdf',
    mimeType: 'application/pdf',
    buffer: await baPdf('Probleemanalyse werkgeversversie Kuipers'),
  })
  await pa.getByRole('button', { name: 'Opslaan' }).click()
  await expect(pa).toBeHidden()
  const missing = page.getByRole('list', { name: 'Wat ontbreekt' })
  await expect(missing).not.toContainText('De probleemanalyse ontbreekt.')
  await expect(missing).not.toContainText('het document van de bedrijfsarts is niet bijgevoegd')
  await expect(missing).toContainText(
    'Bijlage “Brief specialist” is gemarkeerd als medisch en wordt geweigerd',
  )

  // Eerstejaarsevaluatie: the spoor-2 decision is explicit.
  await page.getByRole('button', { name: 'Eerstejaarsevaluatie toevoegen' }).click()
  const eje = app.form('Eerstejaarsevaluatie')
  await expect(eje.getByText(/Eerstejaarsevaluatie: uiterlijk \d{2}-\d{2}-\d{4}/)).toBeVisible()
  await eje
    .getByLabel('Terugblik op het eerste ziektejaar')
    .fill('Opbouw tot 20 uur; stagnatie sinds de zomer.')
  await eje.getByLabel('Re-integratie stagneert').check()
  await eje
    .getByLabel('Motivering beslissing spoor 2')
    .fill('Terugkeer in eigen werk is niet concreet in zicht.')
  await eje.getByRole('button', { name: 'Opslaan' }).click()
  await expect(eje.getByText('Leg de beslissing over spoor 2 vast.')).toBeVisible()
  await eje.getByRole('combobox', { name: 'Beslissing spoor 2' }).selectOption('starten')
  await eje.getByRole('button', { name: 'Opslaan' }).click()
  await expect(eje).toBeHidden()
  await expect(missing).not.toContainText('De eerstejaarsevaluatie ontbreekt.')
  await expect(missing).toContainText('Eerstejaarsevaluatie is niet ondertekend door de werkgever.')

  // The RIV bundle: one zip with the index, one PDF per part and the manifest.
  const zipDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'RIV-bundel (zip)' }).click()
  const zipFile = await zipDownload
  expect(zipFile.suggestedFilename()).toMatch(/^RIV-bundel-\d{4}-\d{2}-\d{2}-Chloe-de-Bruine\.zip$/)
  const zipPath = `${OUT}/riv-bundel.zip`
  await zipFile.saveAs(zipPath)
  const files = unzipSync(readFileSync(zipPath))
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as {
    files: { file: string; part: string; present: boolean }[]
    refusedMedicalAttachments: number
    completeness: { complete: boolean; issues: { message: string }[] }
  }
  expect(manifest.files.map((f) => f.file)).toContain('00-inhoud.pdf')
  expect(manifest.files).toHaveLength(10)
  // The app's export already left the medical letter out; nothing names it.
  expect(manifest.refusedMedicalAttachments).toBe(0)
  expect(strFromU8(files['manifest.json'] ?? new Uint8Array())).not.toContain('Brief specialist')
  expect(manifest.completeness.complete).toBe(false)
  for (const [name, bytes] of Object.entries(files)) {
    expect(Buffer.from(bytes).includes(Buffer.from('GEHEIM-MEDISCH')), name).toBe(false)
  }
  const paFile = manifest.files.find((f) => f.part === 'probleemanalyse')?.file ?? ''
  const paPath = `${OUT}/riv-${paFile}`
  writeFileSync(paPath, files[paFile] ?? new Uint8Array())
  const paText = pdfText(paPath)
  expect(paText).toContain('Probleemanalyse')
  expect(paText).toContain('Probleemanalyse werkgeversversie Kuipers')
  expect(paText).not.toContain('GEHEIM-MEDISCH')

  // The 42-week data sheet as JSON for the portal.
  const jsonDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '42e-weeksmelding (JSON)' }).click()
  const sheetPath = `${OUT}/42e-weeksmelding.json`
  await (await jsonDownload).saveAs(sheetPath)
  const sheet = JSON.parse(readFileSync(sheetPath, 'utf8')) as {
    werknemer: { burgerservicenummer: string }
    werkgever: { loonheffingennummer: string }
    verzuim: { eersteZiektedag: string; uitersteMeldingsdatum: string }
  }
  expect(sheet.werknemer.burgerservicenummer).toBe('111222333')
  expect(sheet.werkgever.loonheffingennummer).toBe('123456789L01')
  expect(sheet.verzuim.eersteZiektedag).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  expect(sheet.verzuim.uitersteMeldingsdatum > sheet.verzuim.eersteZiektedag).toBe(true)

  // The dossier export is what `npm run -s pdf` reads.
  const exportDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Dossierexport (JSON)' }).click()
  const exportPath = `${OUT}/dossier-export.json`
  await (await exportDownload).saveAs(exportPath)
  expect(readFileSync(exportPath, 'utf8')).not.toContain('Brief specialist')
  const cliOut = `${OUT}/cli-eerstejaarsevaluatie.pdf`
  execFileSync('npx', ['tsx', 'src/cli/pdf.ts', 'eerstejaarsevaluatie', exportPath, cliOut])
  const cliText = pdfText(cliOut)
  expect(cliText).toContain('Eerstejaarsevaluatie')
  expect(cliText).toContain('Spoor 2 wordt gestart')
  expect(cliText).toContain('Chloë de Bruïne')
})

test('every element has its own form; each shows its date and the name and function of who made it', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: '111222333',
    firstSickDay: dutchDate(-600),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
  await app.tab('Re-integratieverslag')
  const documents = page.getByRole('table', { name: 'Documenten van het dossier' })
  const box = (name: string) => page.getByRole('textbox', { name, exact: true })

  await page.getByRole('button', { name: 'Functie en bekwaamheden toevoegen' }).click()
  let f = app.form('Functie en bekwaamheden')
  await f.getByLabel('Opleiding, ervaring en bekwaamheden').fill('MBO bakker, 10 jaar ervaring.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f).toBeHidden()

  await page.getByRole('button', { name: 'Evaluatie toevoegen', exact: true }).click()
  f = app.form('Evaluatie')
  await f.getByLabel('Gewerkte uren per week').fill('12,5')
  await f.getByLabel('Conclusie').fill('De opbouw verloopt volgens plan.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f).toBeHidden()

  await page.getByRole('button', { name: 'Actueel oordeel bedrijfsarts toevoegen' }).click()
  f = app.form('Actueel oordeel registreren')
  await expect(f.getByText(/Actueel oordeel: uiterlijk \d{2}-\d{2}-\d{4}/)).toBeVisible()
  await f.getByLabel('Naam opsteller').fill('M. Kuipers')
  await box('Bedrijfsarts').fill('M. Kuipers')
  await f.getByLabel('Belastbaarheid (mogelijkheden)').fill('Vier uur per dag licht werk.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f).toBeHidden()

  await page.getByRole('button', { name: 'Eindevaluatie toevoegen' }).click()
  f = app.form('Eindevaluatie')
  await expect(f.getByLabel('Op basis van actueel oordeel')).not.toHaveValue('')
  await f.getByLabel('Stand van de re-integratie').fill('Werkt 20 uur in aangepast eigen werk.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  // The employer's views are required (vorm-beleidsregels art. 2 lid 5 and 10).
  await expect(f.getByRole('alert').first()).toBeVisible()
  await f
    .getByLabel('Aard van het bedrijf (activiteiten, omvang, functies)')
    .fill('Ambachtelijke bakkerij, 14 medewerkers.')
  await f
    .getByLabel('Oordeel werkgever over de kwaliteit van de arbeidsrelatie')
    .fill('Goed, open contact.')
  await f
    .getByLabel('Oordeel werkgever over passende arbeid bij de werkgever')
    .fill('Ochtendwerk in de winkel is passend.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f).toBeHidden()

  await page.getByRole('button', { name: 'Oordeel werknemer toevoegen' }).click()
  f = app.form('Oordeel werknemer')
  await expect(f.getByLabel('Naam opsteller')).toHaveValue('Sanne de Vries')
  await f
    .getByLabel('Oordeel van de werknemer (eigen woorden; mag afwijken)')
    .fill('Ik ben het eens met de afspraken.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f).toBeHidden()

  const today = dutchDate(0)
  for (const [row, who] of [
    ['Functie en bekwaamheden', 'Petra Visser, Casemanager'],
    ['Evaluatie', 'Petra Visser, Casemanager'],
    ['Actueel oordeel bedrijfsarts', 'M. Kuipers, Bedrijfsarts'],
    ['Eindevaluatie', 'Petra Visser, Casemanager'],
    ['Oordeel werknemer', 'Sanne de Vries, Administratief medewerker'],
  ] as const) {
    const r = documents.getByRole('row', { name: row, exact: true })
    await expect(r).toContainText(today)
    await expect(r).toContainText(who)
  }

  // An unsigned element can still be corrected; the change is saved in place.
  await documents
    .getByRole('row', { name: 'Evaluatie', exact: true })
    .getByRole('button', { name: 'Bewerken' })
    .click()
  f = app.form('Evaluatie')
  await expect(f.getByLabel('Gewerkte uren per week')).toHaveValue('12.5')
  await f.getByLabel('Conclusie').fill('De opbouw verloopt sneller dan gepland.')
  await f.getByRole('button', { name: 'Opslaan' }).click()
  await expect(f).toBeHidden()
  await expect(page.getByRole('list', { name: 'Wat ontbreekt' })).not.toContainText(
    'De eindevaluatie ontbreekt.',
  )
})
