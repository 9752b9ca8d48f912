import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { HervatApp } from './app-model'
import { filesUnder, findTexts } from './profile-scan'
import { signIn, startSyncServer, syncNow, type SyncServer } from './sync-server'

/**
 * Nothing personal in the app's data folder (docs/adr/0008). Electron keeps the renderer's data
 * in a Chromium profile under `userData`; here Chromium runs on a persistent profile in a
 * temporary folder against the browser build: first start, sign-in to a real sync server, a
 * dossier with every kind of personal field, a sync, quit. Then every file under the folder is
 * read as bytes and searched. What this does not cover (Electron's main process, the OS key
 * store) is stated in the ADR and tested by unit tests.
 */

const ACCOUNT = { email: 'petra@zuid.nl', name: 'Petra Visser' }
const SECRETS = {
  bsn: '123456782',
  firstName: 'Annelies',
  lastName: 'Wijnbergen',
  street: 'Kastanjelaan',
  phone: '0687654321',
  email: 'annelies@voorbeeld.nl',
  summary: 'Werkplek bekeken met de leidinggevende',
  participants: 'leidinggevende Karel',
  // The casemanager's own name: her account's, and the dossier's casemanager field.
  casemanager: ACCOUNT.name,
}

/**
 * Chromium's own password manager and form autofill (not part of Electron) remember what was
 * typed into the sign-in form: the casemanager's own e-mail address. Nowhere else may it appear.
 */
const BROWSER_FORM_STORES = /^Default\/(Login Data|Web Data)(-journal)?:/

let srv: SyncServer
test.beforeAll(async () => {
  test.setTimeout(120_000)
  srv = await startSyncServer({
    org: 'Bureau Zuid',
    adminEmail: 'admin@zuid.nl',
    accounts: [[ACCOUNT.email, ACCOUNT.name, 'casemanager']],
  })
})
test.afterAll(() => srv.stop())

async function createDossier(app: HervatApp, page: Page) {
  await app.createEmployerFromNewDossier('Bakkerij Jansen')
  const f = app.form('Nieuw dossier')
  await f.getByLabel('Telefoon', { exact: true }).fill(SECRETS.phone)
  await f.getByLabel('E-mail', { exact: true }).fill(SECRETS.email)
  await f.getByLabel('Straat werknemer').fill(SECRETS.street)
  await f.getByLabel('Huisnummer werknemer').fill('7')
  await app.fillNewEmployeeDossier({
    firstName: SECRETS.firstName,
    lastName: SECRETS.lastName,
    bsn: SECRETS.bsn,
    firstSickDay: '05-10-2026',
    casemanager: ACCOUNT.name,
  })
  const fullName = `${SECRETS.firstName} ${SECRETS.lastName}`
  await expect(page.getByRole('heading', { level: 1, name: fullName })).toBeVisible()
  await app.tab('Contactmomenten')
  const contact = app.form('Contactmoment toevoegen')
  await contact.getByLabel('Datum contact').fill('10-11-2026')
  await contact.getByLabel('Soort contact').selectOption('werkplekbezoek')
  await contact.getByLabel('Deelnemers').fill(SECRETS.participants)
  await contact.getByLabel('Verslag').fill(SECRETS.summary)
  await contact.getByRole('button', { name: 'Contactmoment opslaan' }).click()
  await expect(page.getByRole('list', { name: 'Contactmomenten' })).toContainText(SECRETS.summary)
}

test('after a first start, a sync and a quit, no file in the data folder holds personal data', async ({
  playwright,
}, testInfo) => {
  test.setTimeout(120_000)
  const profile = mkdtempSync(join(tmpdir(), 'hervat-profile-'))
  try {
    const use = testInfo.project.use
    const context = await playwright.chromium.launchPersistentContext(profile, {
      ...(use.launchOptions ?? {}),
      ...(use.baseURL ? { baseURL: use.baseURL } : {}),
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    })
    const page = context.pages()[0] ?? (await context.newPage())
    const app = await signIn(page, srv.url, ACCOUNT.email)
    await createDossier(app, page)
    await syncNow(page)
    // The server really has it: what left the laptop is there, sealed only on the laptop.
    const { accessToken } = await srv.login(ACCOUNT.email)
    const pulled = await srv.api<{ changes: { value: unknown }[] }>('/api/v1/sync/pull?cursor=0', {
      token: accessToken,
    })
    expect(JSON.stringify(pulled.changes)).toContain(SECRETS.bsn)
    await context.close()

    const files = filesUnder(profile)
    // The scan is real: the profile holds the app's IndexedDB, and what may stay readable in it
    // (a werkgever's name, ADR 0006) is found by the same search.
    expect(files.some((f) => /IndexedDB/.test(f.path))).toBe(true)
    expect(findTexts(files, { employer: 'Bakkerij Jansen' })).not.toEqual([])
    expect(findTexts(files, SECRETS)).toEqual([])
    expect(
      findTexts(files, { accountEmail: ACCOUNT.email }).filter(
        (hit) => !BROWSER_FORM_STORES.test(hit),
      ),
    ).toEqual([])
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
