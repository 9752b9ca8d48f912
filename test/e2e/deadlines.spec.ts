import { expect, test } from '@playwright/test'
import { HervatApp } from './app-model'

/** dd-mm-jjjj, `days` before today (Amsterdam calendar, as the app computes `today`). */
function daysAgo(days: number): string {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() - days * 86_400_000),
  )
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`
}

test('an overdue probleemanalyse puts the dossier at the top of the caseload, with its timeline on the dossier page', async ({
  page,
}, testInfo) => {
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Drukkerij Het Anker')
  // A fresh case (nothing overdue) first, then one in week 9 whose probleemanalyse is overdue.
  await app.fillNewEmployeeDossier({
    firstName: 'Anna',
    lastName: 'Aalbers',
    bsn: '123456782',
    firstSickDay: daysAgo(2),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Anna Aalbers' })).toBeVisible()
  await app.nav('Nieuw dossier')
  await page
    .getByRole('combobox', { name: 'Werkgever', exact: true })
    .selectOption({ label: 'Drukkerij Het Anker' })
  await app.fillNewEmployeeDossier({
    firstName: 'Zeger',
    lastName: 'Zwart',
    bsn: '111222333',
    firstSickDay: daysAgo(60),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Zeger Zwart' })).toBeVisible()

  await app.nav('Caseload')
  const rows = page.getByRole('rowgroup').getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Zeger Zwart')
  await expect(rows.first()).toContainText('Te laat')
  await expect(page.getByTestId('urgency-summary')).toContainText('1 te laat')

  await rows.first().click()
  await expect(page.getByRole('img', { name: /Tijdlijn van 104 weken/ })).toBeVisible()
  const deadlines = page.getByRole('table', { name: 'Termijnen' })
  const pa = deadlines.locator('tr[data-key="probleemanalyse"]')
  await expect(pa).toContainText('Te laat')
  await expect(pa).toContainText('6')
  await page.screenshot({ path: testInfo.outputPath('dossier-tijdlijn.png'), fullPage: true })
  await testInfo.attach('dossier-tijdlijn', {
    path: testInfo.outputPath('dossier-tijdlijn.png'),
    contentType: 'image/png',
  })

  // The rule's source on request, then mark it done today: it becomes "te laat gedaan".
  await pa.getByRole('button', { name: 'Wet' }).click()
  await expect(deadlines).toContainText('Regeling procesgang art. 2 lid 2')
  // Without its document, marking it done needs a reason, which the list then shows.
  await pa.getByRole('button', { name: 'Afhandelen' }).click()
  const mark = page.getByRole('form', { name: 'Probleemanalyse bedrijfsarts afhandelen' })
  await mark.getByLabel('Motivering').fill('Oordeel bedrijfsarts per brief ontvangen')
  await mark.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(pa).toContainText('Te laat gedaan')
  await expect(pa).toContainText(
    'Afgehandeld zonder document: Oordeel bedrijfsarts per brief ontvangen',
  )
  await app.nav('Caseload')
  await expect(page.getByTestId('urgency-summary')).toContainText('1 te laat')
})

test('waiving a step needs a motivation (Regeling procesgang art. 5)', async ({ page }) => {
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Kapsalon Knip')
  await app.fillNewEmployeeDossier({
    firstName: 'Eva',
    lastName: 'Bakker',
    bsn: '123456782',
    firstSickDay: daysAgo(50),
  })
  const pa = page
    .getByRole('table', { name: 'Termijnen' })
    .locator('tr[data-key="probleemanalyse"]')
  await pa.getByRole('button', { name: 'Afhandelen' }).click()
  const form = page.getByRole('form', { name: 'Probleemanalyse bedrijfsarts afhandelen' })
  await form.getByLabel('Afhandeling').selectOption('waived')
  await form.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(form.getByText('Geef een motivering waarom deze stap vervalt.')).toBeVisible()
  await form
    .getByLabel('Motivering')
    .fill('Werkhervatting volledig verwacht binnen twee weken, in overleg met werknemer.')
  await form.getByRole('button', { name: 'Vastleggen' }).click()
  await expect(pa).toContainText('Vervallen (gemotiveerd)')
})

test('policy facts on the dossier: a late cancellation is flagged, wage weeks left stand next to interventions', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const app = new HervatApp(page)
  await app.open()
  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Voorbeelddata laden' }).click()
  // Loading the example data writes twenty dossiers through the encrypted store: 15–22 s on a
  // loaded two-core machine.
  await expect(page.getByText(/voorbeelddossiers geladen/)).toBeVisible({ timeout: 90_000 })
  await app.nav('Caseload')
  await page.getByRole('searchbox').fill('Lotte Visser')
  await page.getByRole('row', { name: /Lotte Visser/ }).click()
  await app.tab('Afspraken')
  await expect(page.getByRole('table', { name: 'Afspraken' })).toContainText('te laat afgezegd')
  await app.tab('Interventies')
  await expect(page.getByTestId('wage-weeks-left')).toContainText(
    /Nog \d+(,\d)? weken loondoorbetaling/,
  )
  await page.getByRole('button', { name: 'Interventie toevoegen' }).click()
  const form = page.getByRole('form', { name: 'Interventie toevoegen' })
  await form.getByLabel('Aanbieder').fill('Werkfit Coaching')
  await form.getByLabel('Offertebedrag (€)').fill('1.450,00')
  await form.getByRole('button', { name: 'Interventie opslaan' }).click()
  const row = page
    .getByRole('table', { name: 'Interventies' })
    .getByRole('row', { name: /Werkfit Coaching/ })
  await expect(row).toContainText('1.450,00')
  await expect(row).toContainText(/\d+(,\d)? weken/)
})

test('one desktop notification a day counts the deadlines, without names', async ({ page }) => {
  // Stand in for the system's notification centre: record what the app shows, across reloads.
  await page.addInitScript(() => {
    type Store = { getItem(k: string): string | null; setItem(k: string, v: string): void }
    const store = (globalThis as unknown as { sessionStorage: Store }).sessionStorage
    class RecordingNotification {
      static permission = 'granted'
      constructor(title: string, options?: { body?: string }) {
        const shown = JSON.parse(store.getItem('e2e-shown') ?? '[]') as unknown[]
        shown.push({ title, body: options?.body })
        store.setItem('e2e-shown', JSON.stringify(shown))
      }
    }
    ;(globalThis as unknown as { Notification: unknown }).Notification = RecordingNotification
  })
  const shown = () =>
    page.evaluate(
      () =>
        JSON.parse(
          (
            globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
          ).sessionStorage.getItem('e2e-shown') ?? '[]',
        ) as {
          title: string
          body?: string
        }[],
    )
  const app = new HervatApp(page)
  await app.open()
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  await app.fillNewEmployeeDossier({
    firstName: 'Zeger',
    lastName: 'Zwart',
    bsn: '111222333',
    firstSickDay: daysAgo(60),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Zeger Zwart' })).toBeVisible()
  // The app checks 3 s after each start; whichever start sees the overdue dossier first notifies,
  // and only once that day: after a reload and another check there is still exactly one.
  await page.reload()
  await expect.poll(async () => (await shown()).length, { timeout: 20_000 }).toBe(1)
  // Reload only once the page model has unlocked the app again (a reload while it types the
  // passphrase would leave the next start locked).
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible({ timeout: 20_000 })
  await page.reload()
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible({ timeout: 20_000 })
  // The start after that reload checks too (3 s), and still shows nothing new.
  await page.waitForTimeout(4_000)
  expect(await shown()).toHaveLength(1)
  const [notice] = await shown()
  expect(notice?.body).toMatch(/3 termijnen zijn verstreken/)
  expect(notice?.body).not.toContain('Zwart')
})

test('a dossier shows the rule core’s warnings, why the poortwachtergarantie lapsed, and step notes', async ({
  page,
}, testInfo) => {
  const app = new HervatApp(page)
  await app.open()
  // A De Goudse employer: the guarantee depends on the four-day report to the arbodienst.
  await app.nav('Nieuw dossier')
  await page.getByRole('button', { name: 'Nieuwe werkgever' }).click()
  const employer = app.form('Werkgever')
  await employer.getByLabel('Naam werkgever').fill('Transport De Goudse Weg')
  await employer.getByLabel('KvK-nummer').fill('12345678')
  await employer.getByLabel('Loonheffingennummer').fill('123456789L01')
  await employer.getByLabel('Postcode', { exact: true }).fill('3811 AB')
  await employer.getByLabel('Polisprofiel').selectOption('goudse-op-maat')
  await employer.getByRole('button', { name: 'Werkgever opslaan' }).click()
  await expect(employer).toBeHidden()
  // Sick for 300 days, never reported to the arbodienst nor (in week 42) to UWV.
  await app.fillNewEmployeeDossier({
    firstName: 'Wim',
    lastName: 'Wachtel',
    bsn: '111222333',
    firstSickDay: daysAgo(299),
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Wim Wachtel' })).toBeVisible()

  const warnings = page.getByRole('list', { name: 'Waarschuwingen' })
  await expect(warnings).toContainText('42e-weeksmelding te laat')
  await expect(warnings).toContainText('vóór week 81')
  const guarantee = page.getByTestId('guarantee')
  await expect(guarantee).toContainText('Poortwachtergarantie vervallen')
  await expect(guarantee).toContainText('Ziekmelding aan de arbodienst niet gedaan')
  const deadlines = page.getByRole('table', { name: 'Termijnen' })
  await expect(deadlines.locator('tr[data-key="melding-uwv-42-week-81"]')).toContainText(
    'De 42e-weeksmelding was uiterlijk',
  )
  await page.screenshot({ path: testInfo.outputPath('dossier-waarschuwingen.png'), fullPage: true })
  await testInfo.attach('dossier-waarschuwingen', {
    path: testInfo.outputPath('dossier-waarschuwingen.png'),
    contentType: 'image/png',
  })

  // A voluntary extension (T18): the form refuses fewer than 13 weeks, in Dutch at the field.
  await page.getByRole('button', { name: 'Dossier wijzigen' }).click()
  const form = app.form('Dossier wijzigen')
  await form.getByLabel('Vrijwillige verlenging loondoorbetaling (weken)').fill('8')
  await form.getByRole('button', { name: 'Dossier opslaan' }).click()
  await expect(
    form.getByText('Een vrijwillige verlenging duurt minimaal 13 weken (UWV).'),
  ).toBeVisible()
  await form.getByLabel('Vrijwillige verlenging loondoorbetaling (weken)').fill('26')
  await form.getByRole('button', { name: 'Dossier opslaan' }).click()
  await expect(form).toBeHidden()
  const t18 = deadlines.locator('tr[data-key="vrijwillige-verlenging"]')
  await expect(t18).toContainText('Vrijwillige verlenging loondoorbetaling aanvragen bij UWV')
  await expect(t18).toContainText('Verlengd met 26 weken')
  await page.reload()
  await expect(
    page.getByRole('table', { name: 'Termijnen' }).locator('tr[data-key="vrijwillige-verlenging"]'),
  ).toBeVisible()
})
