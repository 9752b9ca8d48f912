import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { PDFDocument } from 'pdf-lib'
import { HervatApp } from './app-model'

const OUT = 'test-results/e2e-documents'

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
  expect(await page.evaluate('navigator.onLine')).toBe(false)
})
