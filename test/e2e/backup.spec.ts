import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { HervatApp } from './app-model'

async function exportBackup(page: Page, path: string): Promise<Record<string, unknown>> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back-up exporteren' }).click()
  await (await download).saveAs(path)
  await expect(page.getByText('Back-up opgeslagen.')).toBeVisible()
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
}

async function importBackup(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Back-up importeren' }).click()
  await (await chooser).setFiles(path)
}

test('export, wipe and import give back identical data', async ({ page }, testInfo) => {
  test.setTimeout(150_000)
  const app = new HervatApp(page)
  await app.open()
  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Voorbeelddata laden' }).click()
  // Loading the example data writes twenty dossiers through the encrypted store: 15–22 s on a
  // loaded two-core machine.
  await expect(page.getByText(/voorbeelddossiers geladen/)).toBeVisible({ timeout: 90_000 })

  const first = await exportBackup(page, testInfo.outputPath('backup-1.json'))
  await page.getByRole('button', { name: 'Alles wissen…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Alles wissen' }).click()
  await expect(page.getByText('Alle gegevens zijn gewist.')).toBeVisible()
  await app.nav('Caseload')
  await expect(page.getByRole('heading', { name: 'Nog geen dossiers' })).toBeVisible()

  // Choosing the file only asks: what it holds, that it replaces, and a way out.
  await app.nav('Gegevens')
  const backup1 = testInfo.outputPath('backup-1.json')
  const tables = first['tables'] as Record<string, unknown[]>
  const holds = `bevat ${tables['employers']?.length} werkgevers, ${tables['employees']?.length} werknemers en ${tables['dossiers']?.length} dossiers.`
  await importBackup(page, backup1)
  const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten?' })
  await expect(dialog).toContainText(`Het bestand backup-1.json ${holds}`)
  await expect(dialog).toContainText(/De back-up is gemaakt op \d\d-\d\d-\d{4} om \d\d:\d\d\./)
  await expect(dialog).toContainText('Herstellen vervangt alle dossiers')
  await expect(dialog).toContainText('Er staan nu geen gegevens op deze computer.')
  await expect(dialog).not.toContainText('gesynchroniseerd')
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Annuleren' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(
    page.getByRole('status').filter({ hasText: 'Herstellen geannuleerd, er is niets gewijzigd.' }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Back-up importeren' })).toBeFocused()
  // Escape cancels too.
  await importBackup(page, backup1)
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await app.nav('Caseload')
  await expect(page.getByRole('heading', { name: 'Nog geen dossiers' })).toBeVisible()

  await app.nav('Gegevens')
  await importBackup(page, backup1)
  await dialog.getByRole('button', { name: 'Herstellen' }).click()
  await expect(page.getByText(/Back-up geïmporteerd: \d+ dossiers/)).toBeVisible()
  const second = await exportBackup(page, testInfo.outputPath('backup-2.json'))
  // Every data table comes back identical (the local change log is not part of the data).
  const data = (doc: Record<string, unknown>) => {
    const { changes: _changes, ...tables } = doc['tables'] as Record<string, unknown[]>
    return tables
  }
  expect(data(second)).toEqual(data(first))
  expect(Object.keys(data(first))).toContain('dossiers')
  await app.nav('Caseload')
  await expect(page.getByTestId('caseload-count')).toHaveText(/\d+ dossiers/)
})

test('a corrupt import file gives an error and changes nothing', async ({ page }, testInfo) => {
  test.setTimeout(150_000)
  const app = new HervatApp(page)
  await app.open()
  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Voorbeelddata laden' }).click()
  // Loading the example data writes twenty dossiers through the encrypted store: 15–22 s on a
  // loaded two-core machine.
  await expect(page.getByText(/voorbeelddossiers geladen/)).toBeVisible({ timeout: 90_000 })
  const before = await exportBackup(page, testInfo.outputPath('before.json'))

  const text = await readFile(testInfo.outputPath('before.json'), 'utf8')
  const corrupt = testInfo.outputPath('corrupt.json')
  await writeFile(corrupt, text.slice(0, Math.floor(text.length / 2)))
  await importBackup(page, corrupt)
  await expect(page.getByRole('alert')).toContainText('Importeren mislukt, er is niets gewijzigd')

  // A well-formed file with one invalid BSN is refused too, naming the record and field.
  const tampered = JSON.parse(text) as { tables: { employees: { bsn: string }[] } }
  const firstEmployee = tampered.tables.employees[0]
  if (!firstEmployee) throw new Error('voorbeelddata zonder werknemers')
  firstEmployee.bsn = '123456789'
  const invalid = testInfo.outputPath('invalid-bsn.json')
  await writeFile(invalid, JSON.stringify(tampered))
  await importBackup(page, invalid)
  await expect(page.getByRole('alert')).toContainText('bsn')
  // An invalid file never reaches the confirmation.
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const after = await exportBackup(page, testInfo.outputPath('after.json'))
  expect(after['tables']).toEqual(before['tables'])
})
