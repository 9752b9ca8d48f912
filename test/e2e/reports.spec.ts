import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { readSheet } from 'read-excel-file/node'
import { HervatApp } from './app-model'

/**
 * One werknemer (32 hours), sick from 2 March 2026 and still sick; the first quarter of 2026 has
 * 90 days, of which 30 sick (2–31 March): verzuim 33,33 %, all middellang (a 30-day case so far),
 * one melding, 1 × 365 / 90 = 4,06 per year, no ended case, no nulverzuim.
 */
test('absence figures of a werkgever over a typed period, on screen and as CSV', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Drukkerij =Cijfers')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Boer',
    bsn: '111222333',
    firstSickDay: '02-03-2026',
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Boer' })).toBeVisible()

  await app.nav('Rapportages')
  const toolbar = page.getByRole('form', { name: 'Periode en werkgever' })
  await toolbar.getByLabel('Van').fill('01-01-2026')
  await toolbar.getByLabel('Tot en met').fill('31-03-2026')
  await toolbar.getByRole('button', { name: 'Toepassen' }).click()
  await expect(page.getByText('Periode 01-01-2026 tot en met 31-03-2026 (90 dagen).')).toBeVisible()

  const absence = page.getByRole('region', { name: 'Verzuimcijfers per werkgever' })
  const row = absence.getByRole('row', { name: /Drukkerij =Cijfers/ })
  await expect(row.getByRole('cell')).toHaveText([
    '1',
    '33,33',
    '0,00',
    '33,33',
    '0,00',
    '1',
    '4,06',
    '—',
    '0,0',
  ])

  await expect(
    page.getByRole('img', { name: 'Verzuimpercentage per werkgever: Drukkerij =Cijfers 33,3 %' }),
  ).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('rapportages.png'), fullPage: true })

  const download = page.waitForEvent('download')
  await absence.getByRole('button', { name: 'Exporteren als CSV' }).click()
  const file = testInfo.outputPath('verzuim.csv')
  await (await download).saveAs(file)
  const csv = await readFile(file, 'utf8')
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe(
    'Werkgever;Werknemers;Verzuim %;Kort %;Middellang %;Lang %;Meldingen;Meldingsfrequentie;Gem. verzuimduur (dagen);Nulverzuim %',
  )
  // The werkgever's name starts with no formula sign, but a cell that does is escaped.
  expect(lines[1]).toBe('Drukkerij =Cijfers;1;33,33;0,00;33,33;0,00;1;4,06;;0,0')
  await expect(absence.getByRole('status')).toHaveText(
    'Verzuimcijfers per werkgever opgeslagen als CSV.',
  )

  // The same table as Excel: the figures are numbers a werkgever can calculate with.
  const xlsxDownload = page.waitForEvent('download')
  await absence.getByRole('button', { name: 'Exporteren als Excel' }).click()
  const xlsx = testInfo.outputPath('verzuim.xlsx')
  await (await xlsxDownload).saveAs(xlsx)
  const sheet = await readSheet(xlsx)
  expect(sheet[1]).toEqual(['Drukkerij =Cijfers', 1, 33.33, 0, 33.33, 0, 1, 4.06, null, 0])
})
