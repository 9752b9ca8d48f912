import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { HervatApp } from './app-model'

/**
 * Documents fulfil deadlines (docs/adr/0010): a Plan van Aanpak signed by both parties closes the
 * step on the later signing day on the Overzicht, in the caseload and in the timeline picture;
 * a step done by hand without its document says so; the 42-week report record reaches the
 * 42-week sheet (PDF and JSON).
 */

const OUT = 'test-results/e2e-documents-close-steps'

/** dd-mm-jjjj, `days` from today. */
function dutchDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`
}

test('both parties sign the plan: the step is done on the later signing day everywhere; the 42-week sheet shows the report', async ({
  page,
}) => {
  test.setTimeout(120_000)
  mkdirSync(OUT, { recursive: true })
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: '111222333',
    firstSickDay: dutchDate(-40),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()

  const deadlines = page.getByRole('table', { name: 'Termijnen' })
  const row = (key: string) => deadlines.locator(`tr[data-key="${key}"]`)
  const handle = async (key: string, label: string, date: string, motivation?: string) => {
    await row(key).getByRole('button', { name: 'Afhandelen' }).click()
    const f = app.form(`${label} afhandelen`)
    await f.getByLabel('Datum').fill(date)
    if (motivation !== undefined) await f.getByLabel('Motivering').fill(motivation)
    await f.getByRole('button', { name: 'Vastleggen' }).click()
    return f
  }
  // The report to the arbodienst has no document: done by hand, nothing more asked.
  const arbo = await handle(
    'melding-arbodienst',
    'Ziekmelding aan arbodienst/verzekeraar',
    dutchDate(-39),
  )
  await expect(arbo).toBeHidden()
  // The probleemanalyse has a document: done by hand without it needs a reason, and says so.
  const pa = await handle('probleemanalyse', 'Probleemanalyse bedrijfsarts', dutchDate(-12))
  await expect(pa.getByText(/Deze stap heeft een document/)).toBeVisible()
  await pa.getByLabel('Motivering').fill('Probleemanalyse per post ontvangen, nog niet ingevoerd')
  await pa.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(pa).toBeHidden()
  await expect(row('probleemanalyse')).toContainText(
    'Afgehandeld zonder document: Probleemanalyse per post ontvangen, nog niet ingevoerd',
  )
  // The plan is due 14 days after the probleemanalyse: in two days.
  await expect(row('plan-van-aanpak')).toContainText(dutchDate(2))
  await expect(row('plan-van-aanpak')).toContainText('Binnenkort')

  await app.nav('Caseload')
  const caseRow = page.getByRole('row', { name: /Sanne de Vries/ })
  await expect(caseRow).toContainText('Plan van aanpak')
  await caseRow.click()

  // Draw up the plan and have both parties sign it, on different days.
  await app.tab('Re-integratieverslag')
  await page.getByRole('button', { name: 'Plan van Aanpak opstellen' }).click()
  const plan = app.form('Plan van Aanpak')
  await plan.getByLabel('Datum van het plan').fill(dutchDate(-3))
  await plan.getByLabel('Functie opsteller').fill('Casemanager')
  await plan.getByLabel('6. Doel van de re-integratie').selectOption('eigen-werk-aangepast')
  await plan.getByRole('button', { name: 'Opslaan' }).click()
  await expect(plan).toBeHidden()
  const v1 = page
    .getByRole('table', { name: 'Documenten van het dossier' })
    .getByRole('row', { name: 'Plan van Aanpak (versie 1)' })

  await v1.getByRole('button', { name: 'Ondertekenen werkgever' }).click()
  const employer = app.form('Ondertekenen door de werkgever')
  await employer.getByLabel('Naam ondertekenaar').fill('Jan Jansen')
  await employer.getByLabel('Functie ondertekenaar').fill('Directeur')
  await employer.getByLabel('Datum ondertekening').fill(dutchDate(-2))
  await employer.getByRole('button', { name: 'Ondertekenen' }).click()
  const signFirst = employer.getByText('Zet eerst een handtekening in het vak.')
  await expect(signFirst).toBeVisible()
  // Drawing clears the earlier error at once.
  await app.drawSignature('Handtekening werkgever')
  await expect(signFirst).toBeHidden()
  await employer.getByRole('button', { name: 'Ondertekenen' }).click()
  await expect(employer).toBeHidden()

  await v1.getByRole('button', { name: 'Ondertekenen werknemer' }).click()
  const employee = app.form('Ondertekenen door de werknemer')
  await employee.getByLabel('Datum ondertekening').fill(dutchDate(-1))
  await app.drawSignature('Handtekening werknemer')
  await employee.getByRole('button', { name: 'Ondertekenen' }).click()
  await expect(employee).toBeHidden()
  await expect(v1).toContainText('Ondertekend (definitief)')

  // Overzicht: done on the later signing day, by the document.
  await app.tab('Overzicht')
  await expect(row('plan-van-aanpak')).toContainText(`Gedaan op ${dutchDate(-1)}`)
  await expect(row('plan-van-aanpak')).toContainText('(document)')
  await expect(row('plan-van-aanpak').getByRole('button', { name: 'Afhandelen' })).toHaveCount(0)
  // The timeline picture says the same, in Dutch.
  const marker = page.locator('.tc-milestone--done title', {
    hasText: 'Plan van aanpak (met aangewezen casemanager)',
  })
  await expect(marker).toHaveText(
    `Plan van aanpak (met aangewezen casemanager): uiterlijk ${dutchDate(2)} · gedaan op ${dutchDate(-1)}`,
  )
  await page.screenshot({ path: `${OUT}/overzicht-plan-gedaan.png`, fullPage: true })

  // The caseload no longer shows the plan as the next deadline.
  await app.nav('Caseload')
  await expect(caseRow).toBeVisible()
  await expect(caseRow).not.toContainText('Plan van aanpak')
  await caseRow.click()

  // The 42-week report as made: its record reaches the sheet, PDF and JSON.
  await app.tab('Re-integratieverslag')
  await page.getByRole('button', { name: '42e-weeksmelding aan UWV toevoegen' }).click()
  const report = app.form('42e-weeksmelding vastleggen')
  await report.getByLabel('Gemeld op').fill(dutchDate(-1))
  await report.getByLabel('Gemeld door').fill('Petra Visser')
  await report.getByLabel('Kenmerk van UWV (uit de bevestiging)').fill('ZW-2026-4242')
  await report.getByRole('button', { name: 'Opslaan' }).click()
  await expect(report).toBeHidden()

  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '42e-weeksmelding (PDF)' }).click()
  const pdfPath = `${OUT}/42e-weeksmelding.pdf`
  await (await pdfDownload).saveAs(pdfPath)
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  )
  expect(text).toContain(`Gemeld op ${dutchDate(-1)}`)
  expect(text).toContain('Gemeld door Petra Visser')
  expect(text).toContain('Kenmerk UWV ZW-2026-4242')
  expect(text).toContain('Uren nu gewerkt per week')

  const jsonDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '42e-weeksmelding (JSON)' }).click()
  const jsonPath = `${OUT}/42e-weeksmelding.json`
  await (await jsonDownload).saveAs(jsonPath)
  const sheet = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
    melding: { gemeldOp: string; gemeldDoor: string; kanaal: string; uwvKenmerk: string }
  }
  const [dd, mm, yyyy] = dutchDate(-1).split('-')
  expect(sheet.melding).toMatchObject({
    gemeldOp: `${yyyy}-${mm}-${dd}`,
    gemeldDoor: 'Petra Visser',
    kanaal: 'werkgeversportaal',
    uwvKenmerk: 'ZW-2026-4242',
  })
})
