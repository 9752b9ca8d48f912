import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { HervatApp } from './app-model'

/**
 * Medical text (ADR 0009): a flagged text needs a choice before it is saved, and while one
 * that nobody reworded or confirmed is in a dossier (here: from an older backup), every export
 * refuses with the list of places, each with a link that opens the record, until it is corrected.
 */

const CLEAN = 'Gesprek over werkhervatting in eigen werk'
const MEDICAL = 'Gesprek over de hernia en de fysiotherapie'

async function newDossier(app: HervatApp, page: Page) {
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: '111222333',
    firstSickDay: '05-10-2026',
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
}

test('medical words in a contactmoment need a choice and block every export until corrected', async ({
  page,
}, testInfo) => {
  const app = new HervatApp(page)
  await app.open()
  await newDossier(app, page)
  const dossierUrl = page.url()

  // Saving flagged text without a choice is refused at the field; nothing is saved.
  await app.tab('Contactmomenten')
  const form = app.form('Contactmoment toevoegen')
  await form.getByLabel('Deelnemers').fill('werknemer, leidinggevende')
  await form.getByLabel('Verslag').fill(MEDICAL)
  await form.getByRole('button', { name: 'Contactmoment opslaan' }).click()
  await expect(form.getByText(/Pas de tekst aan, of bevestig dat dit geen medische/)).toBeVisible()
  await expect(
    page.getByRole('list', { name: 'Contactmomenten' }).getByRole('listitem'),
  ).toHaveCount(0)
  // Reworded, it is saved.
  await form.getByLabel('Verslag').fill(CLEAN)
  await form.getByRole('button', { name: 'Contactmoment opslaan' }).click()
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(CLEAN)

  // An older backup holds the medical words, unconfirmed.
  await app.nav('Gegevens')
  const path = testInfo.outputPath('backup.json')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back-up exporteren' }).click()
  await (await download).saveAs(path)
  await writeFile(path, (await readFile(path, 'utf8')).replaceAll(CLEAN, MEDICAL))
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Back-up importeren' }).click()
  await (await chooser).setFiles(path)
  await page
    .getByRole('dialog', { name: 'Back-up terugzetten?' })
    .getByRole('button', { name: 'Herstellen' })
    .click()
  await expect(page.getByText(/Back-up geïmporteerd: 1 dossier/)).toBeVisible()

  let downloads = 0
  page.on('download', () => downloads++)
  const refusal = page.getByRole('list', { name: 'Teksten die medisch lijken' })
  const expectRefused = async () => {
    await expect(refusal).toContainText('Sanne de Vries · Contactmoment van')
    await expect(refusal).toContainText('Verslag · hernia, fysiotherapie')
  }

  // The backup.
  await page.getByRole('button', { name: 'Back-up exporteren' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'De back-up is geweigerd: één tekst lijkt medische informatie te bevatten.',
  )
  await expectRefused()

  // Every export of the RIV tab.
  await page.goto(dossierUrl)
  await app.tab('Re-integratieverslag')
  for (const button of ['RIV-bundel (zip)', '42e-weeksmelding (JSON)', 'Dossierexport (JSON)']) {
    await page.getByRole('button', { name: button }).click()
    await expectRefused()
  }
  // The access export.
  await app.tab('Privacy en inzage')
  for (const button of ['Inzage-export maken', 'Inzage-PDF maken']) {
    await page.getByRole('button', { name: button }).click()
    await expectRefused()
  }
  expect(downloads).toBe(0)
  const trail = page.getByRole('table', { name: 'Audittrail van dit dossier' })
  await expect(trail.getByRole('row', { name: /Geweigerd/ }).first()).toBeVisible()

  // The link opens the record; a correction supersedes it, and the exports go again.
  await refusal.getByRole('link', { name: 'Openen' }).click()
  await expect(page).toHaveURL(/\/contactmomenten\/[^/]+$/)
  const item = page.getByRole('listitem', { name: /Contactmoment van/ })
  await expect(item).toContainText(MEDICAL)
  await item.getByRole('button', { name: 'Corrigeren' }).click()
  const correction = app.form('Contactmoment corrigeren')
  await correction.getByLabel('Verslag').fill(`${CLEAN}, vier uur per dag`)
  await correction.getByRole('button', { name: 'Correctie opslaan' }).click()
  await expect(correction).toBeHidden()
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).not.toContainText('hernia')
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(
    'vier uur per dag',
  )

  await app.tab('Re-integratieverslag')
  const json = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Dossierexport (JSON)' }).click()
  const file = testInfo.outputPath('dossier.json')
  await (await json).saveAs(file)
  const text = await readFile(file, 'utf8')
  expect(text).toContain('vier uur per dag')
  expect(text).not.toContain('hernia')
})
