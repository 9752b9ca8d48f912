import { readFileSync } from 'node:fs'
import { expect, test, type BrowserContext } from '@playwright/test'
import { signIn, startSyncServer, syncNow, type SyncServer } from './sync-server'

/**
 * A dossier reassigned away leaves the previous casemanager's device (docs/adr/0005), end to end:
 * a real sync server (`npm run server`'s entry point on PGlite, its own free port), casemanagers
 * Petra and Karin in two Chromium contexts (each its own IndexedDB), teamleider Tom via the API.
 */

let srv: SyncServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  srv = await startSyncServer({
    org: 'Bureau Oost',
    adminEmail: 'admin@oost.nl',
    accounts: [
      ['petra@oost.nl', 'Petra Visser', 'casemanager'],
      ['karin@oost.nl', 'Karin de Wit', 'casemanager'],
      ['tom@oost.nl', 'Tom Bakker', 'teamleider'],
    ],
  })
})

test.afterAll(() => srv.stop())

/** Tom, the teamleider, reassigns Petra's only dossier to Karin through the API. */
async function tomReassignsToKarin(): Promise<string> {
  const { accessToken } = await srv.login('tom@oost.nl')
  const pulled = await srv.api<{ changes: { table: string; recordId: string }[] }>(
    '/api/v1/sync/pull?cursor=0',
    { token: accessToken },
  )
  const dossierIds = [
    ...new Set(pulled.changes.filter((c) => c.table === 'dossiers').map((c) => c.recordId)),
  ]
  expect(dossierIds).toHaveLength(1)
  const { users } = await srv.api<{ users: { id: string; email: string }[] }>('/api/v1/users', {
    token: accessToken,
  })
  const karin = users.find((u) => u.email === 'karin@oost.nl')
  await srv.api(`/api/v1/dossiers/${dossierIds[0]}/assignment`, {
    token: accessToken,
    method: 'PUT',
    body: { casemanagerId: karin?.id },
  })
  return dossierIds[0]!
}

test('a dossier reassigned to another casemanager leaves the previous one’s device; an unsent edit is kept as a notice', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const contexts: BrowserContext[] = []
  const device = async () => {
    const c = await browser.newContext({ acceptDownloads: true })
    contexts.push(c)
    return { context: c, page: await c.newPage() }
  }
  try {
    const petra = await device()
    const a = await signIn(petra.page, srv.url, 'petra@oost.nl')
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

    // Offline, Petra edits the dossier; meanwhile the teamleider gives it to Karin.
    await petra.context.setOffline(true)
    await petra.page.getByRole('button', { name: 'Dossier wijzigen' }).click()
    const f = a.form('Dossier wijzigen')
    await f.getByLabel('Casemanager').fill('Petra Visser-de Boer')
    await f.getByRole('button', { name: 'Dossier opslaan' }).click()
    await expect(petra.page.getByText('Casemanager: Petra Visser-de Boer')).toBeVisible()
    await expect(petra.page.getByTestId('dossier-sync')).toContainText('1 wijziging te versturen')
    const dossierId = await tomReassignsToKarin()

    // Back online, Petra syncs: the dossier is gone from her caseload and her device, the sync is
    // not stuck, and her unsent edit is a notice with an export.
    await petra.context.setOffline(false)
    await syncNow(petra.page)
    await expect(petra.page.getByRole('alert')).toHaveText(
      '1 wijziging is niet verstuurd: de server neemt haar niet aan.',
    )
    await expect(petra.page.getByTestId('refused-transferred')).toContainText(
      'Dossier overgedragen aan een andere casemanager (1)',
    )
    const download = petra.page.waitForEvent('download')
    await petra.page.getByRole('button', { name: 'Wijzigingen exporteren' }).click()
    const file = test.info().outputPath('refused.json')
    await (await download).saveAs(file)
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      wijzigingen: { dossierId: string; veld: string; waarde: unknown }[]
    }
    expect(exported.wijzigingen).toEqual([
      expect.objectContaining({ dossierId, veld: 'casemanager', waarde: 'Petra Visser-de Boer' }),
    ])
    await petra.page.getByRole('button', { name: 'Melding sluiten…' }).click()
    await petra.page.getByRole('button', { name: 'Definitief van deze computer wissen' }).click()
    await expect(petra.page.getByTestId('refused-changes')).toHaveCount(0)
    await a.nav('Caseload')
    await expect(petra.page.getByRole('row', { name: /Sanne de Vries/ })).toHaveCount(0)

    // Karin has it, with Petra's history and without the refused edit.
    const karin = await device()
    const b = await signIn(karin.page, srv.url, 'karin@oost.nl')
    await b.nav('Caseload')
    await karin.page.getByRole('row', { name: /Sanne de Vries/ }).click()
    await expect(
      karin.page.getByRole('heading', { level: 1, name: 'Sanne de Vries' }),
    ).toBeVisible()
    await expect(karin.page.getByText('Casemanager: Petra Visser', { exact: true })).toBeVisible()
  } finally {
    for (const c of contexts) await c.close()
  }
})
