import { writeFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import writeXlsxFile from 'write-excel-file/node'
import { HervatApp } from './app-model'

async function chooseImportFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Bestand kiezen…' }).click()
  await (await chooser).setFiles(path)
}

const preview = (page: Page) => page.getByRole('table', { name: 'Controle vóór het importeren' })

test('werkgevers from CSV and werknemers from XLSX: problems per row, mapping fixed, only valid rows imported, idempotent', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const app = new HervatApp(page)
  await app.open()
  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Importeren…' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Importeren' })).toBeVisible()

  // Werkgevers, CSV written by Excel on Windows (Windows-1252, semicolons), one bad row.
  await page.getByRole('radio', { name: 'Werkgevers' }).check()
  const werkgevers = testInfo.outputPath('werkgevers.csv')
  await writeFile(
    werkgevers,
    Buffer.from(
      'Naam;KvK;Postcode;Polisprofiel\r\n' +
        'Caf\xe9 De Br\xfcgge;12345678;3811 AB;Wettelijk (geen verzekeraar)\r\n' +
        'Fout BV;123;;Goud\r\n',
      'latin1',
    ),
  )
  await chooseImportFile(page, werkgevers)
  await expect(page.getByText(/gelezen als Windows-1252/)).toBeVisible()
  await expect(page.getByTestId('import-counts')).toHaveText(
    '1 nieuw, 0 bij te werken, 0 ongewijzigd, 1 met fouten (worden overgeslagen).',
  )
  const bad = preview(page).locator('tr[data-action="invalid"]')
  await expect(bad).toContainText('3')
  await expect(bad).toContainText('KvK: Een KvK-nummer bestaat uit 8 cijfers.')
  await expect(bad).toContainText('Polisprofiel: Onbekend polisprofiel “Goud”.')
  await page.getByRole('button', { name: 'Importeren (1 regel)' }).click()
  await expect(page.getByText('Geïmporteerd: 1 nieuw, 0 bijgewerkt.')).toBeVisible()

  // Werknemers, XLSX; the hours column has a name Hervat does not know.
  await page.getByRole('radio', { name: 'Werknemers' }).check()
  const werknemers = testInfo.outputPath('werknemers.xlsx')
  const rows = [
    [
      'Werkgever',
      'Voornaam',
      'Achternaam',
      'BSN',
      'Geboortedatum',
      'Functie',
      'Arbeidsduur contract',
      'In dienst sinds',
    ],
    [
      '12345678',
      'Fatima',
      'El Amrani',
      '123456782',
      '01-02-1990',
      'Bakker',
      32,
      new Date(Date.UTC(2019, 3, 1)),
    ],
    ['Café De Brügge', 'Jan', 'Kok', '999999990', '1985-05-05', 'Kok', 24, '01-09-2015'],
    ['Onbekend BV', 'Piet', 'Fout', '123456789', '31-02-1990', 'Monteur', 40, '01-01-2020'],
  ]
  await writeFile(
    werknemers,
    await writeXlsxFile(rows as never, { dateFormat: 'dd-mm-yyyy' } as never).toBuffer(),
  )
  await chooseImportFile(page, werknemers)
  await expect(page.getByTestId('import-counts')).toHaveText(
    '0 nieuw, 0 bij te werken, 0 ongewijzigd, 3 met fouten (worden overgeslagen).',
  )
  await expect(preview(page).locator('tr[data-action="invalid"]').first()).toContainText(
    'Contracturen per week: Deze kolom ontbreekt.',
  )
  await page
    .getByRole('combobox', { name: 'Contracturen per week (verplicht)' })
    .selectOption({ label: 'Arbeidsduur contract' })
  await expect(page.getByTestId('import-counts')).toHaveText(
    '2 nieuw, 0 bij te werken, 0 ongewijzigd, 1 met fouten (worden overgeslagen).',
  )
  const piet = preview(page).locator('tr[data-action="invalid"]')
  await expect(piet).toContainText('Werkgever: Onbekende werkgever “Onbekend BV”')
  await expect(piet).toContainText('BSN: Dit is geen geldig BSN (de elfproef klopt niet).')
  await expect(piet).toContainText('Geboortedatum: Vul een geldige datum in als dd-mm-jjjj.')
  await page.getByRole('button', { name: 'Importeren (2 regels)' }).click()
  await expect(page.getByText('Geïmporteerd: 2 nieuw, 0 bijgewerkt.')).toBeVisible()

  // The same file again: nothing new, nothing to do; the mapping was remembered.
  await chooseImportFile(page, werknemers)
  await expect(page.getByTestId('import-counts')).toHaveText(
    '0 nieuw, 0 bij te werken, 2 ongewijzigd, 1 met fouten (worden overgeslagen).',
  )
  await expect(page.getByRole('button', { name: 'Er is niets te importeren.' })).toBeDisabled()

  // Nothing else changed: one werkgever, and the new dossier form offers exactly the two.
  await app.nav('Werkgevers')
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
  await expect(page.getByRole('table')).toContainText('Café De Brügge')
})
