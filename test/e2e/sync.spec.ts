import { randomUUID } from 'node:crypto'
import { expect, test, type BrowserContext } from '@playwright/test'
import type { HervatApp } from './app-model'
import { rawDatabaseDump } from './raw-idb'
import { signIn, startSyncServer, syncNow, type SyncServer } from './sync-server'

/**
 * Sync end to end (issue 5): a real sync server (`npm run server`'s entry point, PGlite in a
 * temporary HERVAT_DATA_DIR, initialised with the server's own init command and API), and two
 * Chromium contexts: casemanager Petra and teamleider Tom, each its own IndexedDB (a device).
 */

let srv: SyncServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  srv = await startSyncServer({
    org: 'Bureau Noord',
    adminEmail: 'admin@noord.nl',
    accounts: [
      ['petra@noord.nl', 'Petra Visser', 'casemanager'],
      ['karin@noord.nl', 'Karin de Wit', 'casemanager'],
      ['tom@noord.nl', 'Tom Bakker', 'teamleider'],
    ],
  })
})

test.afterAll(() => srv.stop())

/** Karin's own dossier, pushed from her device through the API: a werkgever, werknemer, dossier. */
async function karinPushesHerDossier(): Promise<void> {
  const { accessToken } = await srv.login('karin@noord.nl')
  const at = '2026-11-20T09:00:00.000Z'
  const ids = { er: randomUUID(), ee: randomUUID(), d: randomUUID() }
  let counter = 0
  const changes: unknown[] = []
  const record = (table: string, recordId: string, dossierId: string | null, fields: object) => {
    for (const [field, value] of Object.entries({ ...fields, updatedAt: at, createdAt: at })) {
      changes.push({
        id: randomUUID(),
        table,
        recordId,
        dossierId,
        field,
        value,
        hlc: `${String(Date.now()).padStart(15, '0')}-${String(counter++).padStart(5, '0')}-nkarin`,
        baseHlc: null,
      })
    }
  }
  record('employers', ids.er, null, {
    name: 'Transport Zuid',
    kvkNumber: '87654321',
    loonheffingennummer: '987654321L01',
    address: {},
    contactPerson: {},
    policyProfile: 'wettelijk',
  })
  record('employees', ids.ee, null, {
    employerId: ids.er,
    firstName: 'Mehmet',
    lastName: 'Özdemir',
    bsn: '111222333',
    dateOfBirth: '1980-01-01',
    address: {},
    jobTitle: 'Chauffeur',
    contractHoursPerWeek: 40,
    employmentStart: '2010-01-01',
  })
  record('dossiers', ids.d, ids.d, {
    employeeId: ids.ee,
    employerId: ids.er,
    casemanager: 'Karin de Wit',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
    safetyNet: 'onbekend',
    workAccident: false,
    thirdPartyLiable: false,
  })
  await srv.api('/api/v1/sync/push', { token: accessToken, body: { changes } })
}

async function openDossier(app: HervatApp, name: string) {
  await app.nav('Caseload')
  await app.page.getByRole('row', { name: new RegExp(name) }).click()
  await expect(app.page.getByRole('heading', { level: 1, name })).toBeVisible()
}

async function editDossier(app: HervatApp, casemanager: string) {
  await app.page.getByRole('button', { name: 'Dossier wijzigen' }).click()
  const f = app.form('Dossier wijzigen')
  await f.getByLabel('Casemanager').fill(casemanager)
  await f.getByRole('button', { name: 'Dossier opslaan' }).click()
  await expect(app.page.getByText(`Casemanager: ${casemanager}`)).toBeVisible()
}

async function editEmployeePhone(app: HervatApp, phone: string) {
  await app.page.getByRole('button', { name: 'Werknemer wijzigen' }).click()
  const f = app.form('Werknemer wijzigen')
  await f.getByLabel('Telefoon').fill(phone)
  await f.getByRole('button', { name: 'Werknemer opslaan' }).click()
  await expect(app.page.getByRole('button', { name: 'Werknemer wijzigen' })).toBeVisible()
}

test('two devices edit offline, converge, and settle a conflict; another casemanager’s dossier never arrives', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const contexts: BrowserContext[] = []
  const device = async () => {
    const c = await browser.newContext()
    contexts.push(c)
    return { context: c, page: await c.newPage() }
  }
  try {
    await karinPushesHerDossier()
    const petra = await device()
    const tom = await device()

    // Petra works on her device, signed in; her new dossier syncs by itself.
    const loginAnswer = petra.page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST',
    )
    const a = await signIn(petra.page, srv.url, 'petra@noord.nl')

    // Her login is sealed at rest: no token, e-mail address or server address on disk.
    const tokens = (await (await loginAnswer).json()) as {
      accessToken: string
      refreshToken: string
    }
    const raw = await rawDatabaseDump(petra.page)
    expect(raw.stores).toContain('sealedMeta')
    expect(raw.text).toContain('"key":"sync.session"')
    // Only the secrets themselves: the answer's other fields (e.g. `expiresIn: 900`) are not
    // secret, and a short number can occur in any dump by chance.
    for (const [what, secret] of Object.entries({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessTokenSignature: tokens.accessToken.slice(-24),
      refreshTokenPart: tokens.refreshToken.slice(0, 16),
      email: 'petra@noord.nl',
      name: 'Petra Visser',
      server: srv.url,
    }))
      expect(raw.text.includes(secret), `${what} "${secret}" in plaintext`).toBe(false)
    await a.createEmployerFromNewDossier('Bakkerij Jansen')
    await a.fillNewEmployeeDossier({
      firstName: 'Sanne',
      lastName: 'de Vries',
      bsn: '123456782',
      firstSickDay: '05-10-2026',
      casemanager: 'Petra Visser',
    })
    await expect(
      petra.page.getByRole('heading', { level: 1, name: 'Sanne de Vries' }),
    ).toBeVisible()
    await expect(petra.page.getByTestId('dossier-sync')).toContainText(
      'Geen wijzigingen te versturen',
    )

    // The teamleider sees both dossiers of the organisation.
    const b = await signIn(tom.page, srv.url, 'tom@noord.nl')
    await b.nav('Caseload')
    await expect(tom.page.getByRole('row', { name: /Mehmet Özdemir/ })).toBeVisible()
    await expect(tom.page.getByRole('row', { name: /Sanne de Vries/ })).toBeVisible()

    // Karin's dossier never reaches Petra, however often she syncs.
    await syncNow(petra.page)
    await a.nav('Caseload')
    await expect(petra.page.getByRole('row', { name: /Sanne de Vries/ })).toBeVisible()
    await expect(petra.page.getByRole('row', { name: /Mehmet Özdemir/ })).toHaveCount(0)

    // Both go offline and edit the same dossier: one field both change, one field each.
    await petra.context.setOffline(true)
    await tom.context.setOffline(true)
    await openDossier(a, 'Sanne de Vries')
    await editDossier(a, 'Petra Visser-de Boer')
    await openDossier(b, 'Sanne de Vries')
    await editEmployeePhone(b, '0612345678')
    await editDossier(b, 'Tom Bakker')
    await expect(petra.page.getByTestId('sync-status')).toContainText('Offline')
    await expect(petra.page.getByTestId('dossier-sync')).toContainText('1 wijziging te versturen')

    // Back online: both push by themselves; a last pull on Petra's device converges them.
    await petra.context.setOffline(false)
    await expect(petra.page.getByTestId('sync-status')).toContainText(
      'Geen wijzigingen te versturen',
    )
    await tom.context.setOffline(false)
    await expect(tom.page.getByTestId('sync-status')).toContainText('Geen wijzigingen te versturen')
    await syncNow(petra.page)
    await openDossier(a, 'Sanne de Vries')
    await expect(petra.page.getByText('Casemanager: Tom Bakker')).toBeVisible()
    await expect(petra.page.getByText('0612345678')).toBeVisible()

    // The overwritten value is a conflict on both devices, with both values and the field's name.
    await petra.page.getByTestId('dossier-sync').getByRole('link', { name: '1 conflict' }).click()
    const conflict = petra.page.getByRole('region', { name: 'Conflict: Casemanager' })
    await expect(conflict.getByRole('heading', { name: 'Dossier: Casemanager' })).toBeVisible()
    await expect(conflict.getByTestId('conflict-value')).toHaveText([
      'Tom Bakker',
      'Petra Visser-de Boer',
    ])
    await conflict.getByRole('button', { name: 'Deze waarde kiezen' }).click()
    await expect(petra.page.getByText('Er zijn geen conflicten.')).toBeVisible()

    // The choice syncs like any edit, and settles the conflict on Tom's device too.
    await expect(petra.page.getByTestId('sync-status')).toContainText(
      'Geen wijzigingen te versturen',
    )
    await syncNow(tom.page)
    await openDossier(b, 'Sanne de Vries')
    await expect(tom.page.getByText('Casemanager: Petra Visser-de Boer')).toBeVisible()
    await expect(tom.page.getByTestId('dossier-sync')).not.toContainText('conflict')
    await expect(tom.page.getByTestId('sync-status')).not.toContainText('conflict')

    // A restored backup syncs, and an edit made elsewhere after the backup keeps its value.
    await a.nav('Gegevens')
    await expect(petra.page.getByText(/Per veld wint de nieuwste versie/)).toBeVisible()
    const download = petra.page.waitForEvent('download')
    await petra.page.getByRole('button', { name: 'Back-up exporteren' }).click()
    const backupFile = test.info().outputPath('petra-backup.json')
    await (await download).saveAs(backupFile)
    await editDossier(b, 'Tom Bakker')
    await syncNow(tom.page)
    await a.nav('Gegevens')
    const chooser = petra.page.waitForEvent('filechooser')
    await petra.page.getByRole('button', { name: 'Back-up importeren' }).click()
    await (await chooser).setFiles(backupFile)
    const confirm = petra.page.getByRole('dialog', { name: 'Back-up terugzetten?' })
    await expect(confirm).toContainText('bevat 2 werkgevers, 1 werknemer en 1 dossier.')
    await expect(confirm).toContainText('worden daarna gesynchroniseerd')
    await confirm.getByRole('button', { name: 'Herstellen' }).click()
    await expect(
      petra.page.getByText(
        'Back-up geïmporteerd: 1 dossier. De teruggezette gegevens worden nu gesynchroniseerd',
      ),
    ).toBeVisible()
    await syncNow(petra.page)
    await openDossier(a, 'Sanne de Vries')
    await expect(petra.page.getByText('Casemanager: Tom Bakker')).toBeVisible()
    await expect(petra.page.getByTestId('dossier-sync')).not.toContainText('conflict')
    await a.nav('Caseload')
    await expect(petra.page.getByRole('row', { name: /Mehmet Özdemir/ })).toHaveCount(0)

    // Signing out can take every dossier off the device; the server keeps them.
    await tom.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Synchronisatie' })
      .click()
    await tom.page.getByRole('button', { name: 'Uitloggen…' }).click()
    await tom.page.getByLabel('Alle gegevens op deze computer wissen').check()
    await tom.page.getByRole('button', { name: 'Uitloggen en wissen' }).click()
    await expect(tom.page.getByRole('form', { name: 'Inloggen' })).toBeVisible()
    await b.nav('Caseload')
    await expect(tom.page.getByRole('heading', { name: 'Nog geen dossiers' })).toBeVisible()
    // The login left with the data: not even a sealed copy of it stays behind.
    expect((await rawDatabaseDump(tom.page)).text).not.toContain('sync.session')
    await syncNow(petra.page)
    await a.nav('Caseload')
    await expect(petra.page.getByRole('row', { name: /Sanne de Vries/ })).toBeVisible()
  } finally {
    for (const c of contexts) await c.close()
  }
})
