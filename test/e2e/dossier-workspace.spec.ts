import { expect, test, type Page } from '@playwright/test'
import { HervatApp } from './app-model'

/** The whole first-day flow: werkgever, werknemer, dossier, sick periods, recovery, contact. */
async function buildDossier(app: HervatApp, page: Page) {
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: '111222333',
    firstSickDay: '05-10-2026',
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
  await expect(page.getByText('Eerste ziektedag: 05-10-2026')).toBeVisible()

  await app.tab('Ziekteperiodes')
  // End the first period, then add a second one after a short recovery.
  await page
    .getByRole('table', { name: 'Ziekteperiodes' })
    .getByRole('button', { name: 'Wijzigen' })
    .click()
  const edit = app.form('Ziekteperiode wijzigen')
  await edit.getByLabel('Laatste ziektedag').fill('16-10-2026')
  await edit.getByRole('button', { name: 'Wijziging opslaan' }).click()
  await expect(page.getByRole('table', { name: 'Ziekteperiodes' })).toContainText('16-10-2026')

  await page.getByRole('button', { name: 'Ziekteperiode toevoegen' }).click()
  const add = app.form('Ziekteperiode toevoegen')
  await add.getByLabel('Eerste ziektedag').fill('26-10-2026')
  await add.getByRole('button', { name: 'Ziekteperiode opslaan' }).click()
  await expect(page.getByRole('table', { name: 'Ziekteperiodes' }).getByRole('row')).toHaveCount(3)

  await page.getByRole('button', { name: 'Gedeeltelijk herstel toevoegen' }).click()
  const rec = app.form('Gedeeltelijk herstel toevoegen')
  await rec.getByLabel('Datum gedeeltelijk herstel').fill('09-11-2026')
  await rec.getByLabel('Gewerkte uren per week').fill('16')
  await rec.getByRole('button', { name: 'Herstel opslaan' }).click()
  await expect(page.getByRole('table', { name: 'Gedeeltelijk herstel' })).toContainText(
    '09-11-2026',
  )

  await app.tab('Contactmomenten')
  const contact = app.form('Contactmoment toevoegen')
  await contact.getByLabel('Datum contact').fill('10-11-2026')
  await contact.getByLabel('Soort contact').selectOption('werkplekbezoek')
  await contact.getByLabel('Deelnemers').fill('Sanne de Vries, leidinggevende, casemanager')
  await contact
    .getByLabel('Verslag')
    .fill('Werkplek bekeken. Afgesproken: 4 uur per dag administratief werk, geen tilwerk.')
  await contact.getByLabel('Feitelijk gewerkte uren in deze periode').fill('12,5')
  await contact.getByRole('button', { name: 'Contactmoment opslaan' }).click()
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(
    'Werkplek bekeken',
  )
}

async function expectDossierIntact(app: HervatApp, page: Page) {
  await app.nav('Caseload')
  await page.getByRole('row', { name: /Sanne de Vries/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
  await app.tab('Ziekteperiodes')
  const periods = page.getByRole('table', { name: 'Ziekteperiodes' })
  await expect(periods).toContainText('05-10-2026')
  await expect(periods).toContainText('16-10-2026')
  await expect(periods).toContainText('26-10-2026')
  await expect(page.getByRole('table', { name: 'Gedeeltelijk herstel' })).toContainText('16')
  await app.tab('Contactmomenten')
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(
    '12,5 uur gewerkt',
  )
}

test('a casemanager builds a dossier and it survives a reload', async ({ page }) => {
  const app = new HervatApp(page)
  await app.open()
  await expect(page.getByRole('heading', { name: 'Nog geen dossiers' })).toBeVisible()
  await buildDossier(app, page)
  await page.reload()
  await expectDossierIntact(app, page)
})

test('the same flow works with the browser offline', async ({ page, context }) => {
  const app = new HervatApp(page)
  await app.open()
  await context.setOffline(true)
  await expect(page.getByText('Offline: wijzigingen worden lokaal bewaard')).toBeVisible()
  await buildDossier(app, page)
  await expectDossierIntact(app, page)
  await context.setOffline(false)
  await page.reload()
  await expectDossierIntact(app, page)
})

test('an invalid BSN is shown at the field and nothing is saved', async ({ page }) => {
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Installatiebedrijf Kok')
  await app.fillNewEmployeeDossier({
    firstName: 'Mehmet',
    lastName: 'Özdemir',
    bsn: '123456789',
    firstSickDay: '02-11-2026',
  })
  const bsn = app.form('Nieuw dossier').getByLabel('BSN')
  await expect(bsn).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Dit is geen geldig BSN (de elfproef klopt niet).')).toBeVisible()
  await app.nav('Caseload')
  await expect(page.getByRole('heading', { name: 'Nog geen dossiers' })).toBeVisible()
  await app.nav('Nieuw dossier')
  await page
    .getByLabel('Werkgever', { exact: true })
    .selectOption({ label: 'Installatiebedrijf Kok' })
  await expect(page.getByLabel('Werknemer', { exact: true }).locator('option')).toHaveCount(1)
})

test('a last sick day before the first is shown at the field and nothing is saved', async ({
  page,
}) => {
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Kapsalon Knip')
  await app.fillNewEmployeeDossier({
    firstName: 'Eva',
    lastName: 'Bakker',
    bsn: '123456782',
    firstSickDay: '02-11-2026',
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Eva Bakker' })).toBeVisible()
  await app.tab('Ziekteperiodes')
  await page
    .getByRole('table', { name: 'Ziekteperiodes' })
    .getByRole('button', { name: 'Wijzigen' })
    .click()
  const edit = app.form('Ziekteperiode wijzigen')
  await edit.getByLabel('Laatste ziektedag').fill('01-11-2026')
  await edit.getByRole('button', { name: 'Wijziging opslaan' }).click()
  await expect(edit.getByLabel('Laatste ziektedag')).toHaveAttribute('aria-invalid', 'true')
  await expect(edit.getByText('De laatste ziektedag ligt voor de eerste ziektedag.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('table', { name: 'Ziekteperiodes' })).toContainText('nog ziek')
  await expect(page.getByRole('table', { name: 'Ziekteperiodes' })).not.toContainText('01-11-2026')
})
