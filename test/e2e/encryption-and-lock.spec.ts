import { expect, test, type Page } from '@playwright/test'
import { HervatApp } from './app-model'
import { rawDatabaseDump } from './raw-idb'

const USER_NAME = 'Marieke Hoogstraten'
const SECRETS = {
  bsn: '111222333',
  street: 'Lindelaan',
  phone: '0612345678',
  email: 'sanne@voorbeeld.nl',
  lastName: 'Vries',
  summary: 'Werkplek bekeken',
  participants: 'leidinggevende Karel',
}

/** A dossier with an address, phone, e-mail and a contactmoment, entered through the forms. */
async function saveDossier(app: HervatApp, page: Page) {
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  const f = app.form('Nieuw dossier')
  await f.getByLabel('Telefoon', { exact: true }).fill(SECRETS.phone)
  await f.getByLabel('E-mail', { exact: true }).fill(SECRETS.email)
  await f.getByLabel('Straat werknemer').fill(SECRETS.street)
  await f.getByLabel('Huisnummer werknemer').fill('12')
  await app.fillNewEmployeeDossier({
    firstName: 'Sanne',
    lastName: 'de Vries',
    bsn: SECRETS.bsn,
    firstSickDay: '05-10-2026',
  })
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
  await app.tab('Contactmomenten')
  const contact = app.form('Contactmoment toevoegen')
  await contact.getByLabel('Datum contact').fill('10-11-2026')
  await contact.getByLabel('Soort contact').selectOption('werkplekbezoek')
  await contact.getByLabel('Deelnemers').fill(SECRETS.participants)
  await contact.getByLabel('Verslag').fill(`${SECRETS.summary}. Afgesproken: 4 uur per dag.`)
  await contact.getByRole('button', { name: 'Contactmoment opslaan' }).click()
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(SECRETS.summary)
}

test('the raw IndexedDB holds no BSN, street, phone, e-mail or free text; search still finds the dossier', async ({
  page,
}) => {
  const app = new HervatApp(page)
  await app.open()
  // The casemanager's name (personal data) is sealed too; the audit trail still records it.
  await app.nav('Gegevens')
  await page.getByLabel('Uw naam (voor de audittrail)').fill(USER_NAME)
  await expect(page.getByText(/Opgeslagen\./)).toBeVisible()
  await saveDossier(app, page)
  // The change log holds every created record in full: it must be sealed too.
  const raw = await rawDatabaseDump(page)
  expect(raw.stores).toContain('sealedMeta')
  expect(raw.text).toContain('"key":"settings.userName"')
  expect(raw.text.includes(USER_NAME), `user name "${USER_NAME}" in plaintext`).toBe(false)
  expect(raw.stores).toEqual(expect.arrayContaining(['employees', 'contacts', 'changes']))
  // The dump is real: it holds the plaintext that may stay readable (ids, dates, employer name).
  expect(raw.text).toContain('Bakkerij Jansen')
  expect(raw.text).toContain('2026-11-10')
  for (const [what, secret] of Object.entries(SECRETS))
    expect(raw.text.includes(secret), `${what} "${secret}" in plaintext`).toBe(false)

  await app.nav('Caseload')
  const search = page.getByRole('searchbox', { name: 'Zoeken op naam, werkgever of BSN' })
  for (const term of ['Sanne de Vries', SECRETS.bsn]) {
    await search.fill(term)
    await expect(page.getByRole('row', { name: /Sanne de Vries/ })).toBeVisible()
  }
  await search.fill('999999999')
  await expect(page.getByRole('row', { name: /Sanne de Vries/ })).toBeHidden()
})

test('lock, a wrong passphrase five times (a wait), the right one: the data is back', async ({
  page,
}) => {
  const app = new HervatApp(page)
  await app.open({ autoUnlock: false })
  await saveDossier(app, page)

  await page.getByRole('button', { name: 'Vergrendelen' }).click()
  const form = app.form('Ontgrendelen')
  await expect(form).toBeVisible()
  // Locked: nothing personal on screen, the app tree is gone.
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0)
  await expect(page.getByText('Sanne')).toHaveCount(0)
  await expect(page.getByText(SECRETS.summary)).toHaveCount(0)

  for (let i = 1; i <= 4; i++) {
    await form.getByLabel('Wachtwoord').fill(`verkeerd-${i}`)
    await form.getByRole('button', { name: 'Ontgrendelen', exact: true }).click()
    await expect(form.getByRole('alert')).toHaveText('Onjuist wachtwoord.')
    await expect(form.getByLabel('Wachtwoord')).toHaveValue('')
  }
  await form.getByLabel('Wachtwoord').fill('verkeerd-5')
  await form.getByRole('button', { name: 'Ontgrendelen', exact: true }).click()
  await expect(form.getByRole('alert')).toContainText('Te veel verkeerde pogingen')
  await expect(form.getByRole('button', { name: 'Ontgrendelen', exact: true })).toBeDisabled()
  await expect(form.getByRole('status')).toContainText(/over \d seconden opnieuw/)

  // The wait survives a reload (it is stored, not kept in memory).
  await page.reload()
  await expect(form.getByRole('button', { name: 'Ontgrendelen', exact: true })).toBeDisabled()

  // After the wait, the right passphrase opens the app with the data back.
  await expect(form.getByRole('button', { name: 'Ontgrendelen', exact: true })).toBeEnabled({
    timeout: 10_000,
  })
  await app.unlock()
  await app.nav('Caseload')
  await page.getByRole('row', { name: /Sanne de Vries/ }).click()
  await app.tab('Contactmomenten')
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(SECRETS.summary)
})

test('the app locks itself after the idle time set on the Gegevens page, and from the menu', async ({
  page,
}) => {
  await page.clock.install()
  const app = new HervatApp(page)
  await app.open({ autoUnlock: false })
  await app.nav('Gegevens')
  const minutes = page.getByLabel('Vergrendel na dit aantal minuten zonder gebruik')
  await minutes.fill('2')
  // Stored (the page shows it again after leaving it): the idle timer now runs on 2 minutes.
  await app.nav('Caseload')
  await app.nav('Gegevens')
  await expect(minutes).toHaveValue('2')
  await page.clock.fastForward('01:30')
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible()
  await page.clock.fastForward('00:40')
  await expect(app.form('Ontgrendelen')).toBeVisible()
  await app.unlock()

  // The desktop menu's "Vergrendelen" (in the browser build, the same command as a DOM event).
  await page.evaluate(() =>
    (globalThis as unknown as { dispatchEvent(e: CustomEvent): boolean }).dispatchEvent(
      new CustomEvent('hervat:menu-command', { detail: 'lock' }),
    ),
  )
  await expect(app.form('Ontgrendelen')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0)
})
