import { readFileSync } from 'node:fs'
import { expect, test, type BrowserContext } from '@playwright/test'
import { signIn, startSyncServer, syncNow, type SyncServer } from './sync-server'

/**
 * A change the server refuses for good does not block sync (docs/adr/0005, "Refused changes"),
 * end to end: a real sync server (`npm run server`'s entry point on PGlite, its own free port),
 * casemanager Petra on two laptops (two Chromium contexts, each its own IndexedDB).
 */

let srv: SyncServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  srv = await startSyncServer({
    org: 'Bureau Oost',
    adminEmail: 'admin@oost.nl',
    accounts: [['petra@oost.nl', 'Petra Visser', 'casemanager']],
  })
})

test.afterAll(() => srv.stop())

/** dd-mm-jjjj, `days` from today. */
function dutchDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`
}

test('an edit of a plan both parties signed meanwhile is set aside with the reason; the other edits sync', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const contexts: BrowserContext[] = []
  const device = async () => {
    const c = await browser.newContext({ acceptDownloads: true })
    contexts.push(c)
    return { context: c, page: await c.newPage() }
  }
  try {
    // Laptop 1: a dossier with a Plan van Aanpak, synced.
    const one = await device()
    const a = await signIn(one.page, srv.url, 'petra@oost.nl')
    await a.createEmployerFromNewDossier('Bakkerij Jansen')
    await a.fillNewEmployeeDossier({
      firstName: 'Sanne',
      lastName: 'de Vries',
      bsn: '123456782',
      firstSickDay: dutchDate(-30),
      casemanager: 'Petra Visser',
    })
    await expect(one.page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
    await a.tab('Re-integratieverslag')
    await one.page.getByRole('button', { name: 'Plan van Aanpak opstellen' }).click()
    const form = a.form('Plan van Aanpak')
    await form.getByLabel('Functie opsteller').fill('Casemanager')
    await form
      .getByLabel('5.1 Visie van de werknemer (eigen woorden)')
      .fill('Ik wil stap voor stap terug naar mijn eigen werk.')
    await form.getByLabel('6. Doel van de re-integratie').selectOption('eigen-werk-aangepast')
    await form.getByRole('button', { name: 'Afspraak toevoegen' }).click()
    const activity = form.getByRole('group', { name: 'Afspraak 1' })
    await activity
      .getByRole('textbox', { name: 'Activiteit', exact: true })
      .fill('Werkplek aanpassen')
    await activity.getByRole('textbox', { name: 'Doel', exact: true }).fill('Vier ochtenden werken')
    await activity.getByRole('combobox', { name: 'Wie', exact: true }).selectOption('werkgever')
    await activity.getByRole('textbox', { name: 'Termijn', exact: true }).fill(dutchDate(28))
    await form.getByRole('button', { name: 'Opslaan' }).click()
    await expect(form).toBeHidden()
    await syncNow(one.page)

    // Laptop 2 gets it, goes offline, edits the plan (still a concept there) and the dossier.
    const two = await device()
    const b = await signIn(two.page, srv.url, 'petra@oost.nl')
    await b.nav('Caseload')
    await two.page.getByRole('row', { name: /Sanne de Vries/ }).click()
    await expect(two.page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
    await two.context.setOffline(true)
    await b.tab('Re-integratieverslag')
    const plan2 = two.page
      .getByRole('table', { name: 'Documenten van het dossier' })
      .getByRole('row', { name: 'Plan van Aanpak (versie 1)' })
    await plan2.getByRole('button', { name: 'Bewerken' }).click()
    const edit = b.form('Plan van Aanpak')
    await edit
      .getByLabel('5.1 Visie van de werknemer (eigen woorden)')
      .fill('Ik wil eerst halve dagen werken.')
    await edit.getByRole('button', { name: 'Opslaan' }).click()
    await expect(edit).toBeHidden()
    await b.tab('Overzicht')
    await two.page.getByRole('button', { name: 'Dossier wijzigen' }).click()
    const f = b.form('Dossier wijzigen')
    await f.getByLabel('Casemanager').fill('Petra Visser-de Boer')
    await f.getByRole('button', { name: 'Dossier opslaan' }).click()
    await expect(two.page.getByText('Casemanager: Petra Visser-de Boer')).toBeVisible()

    // Meanwhile on laptop 1 employer and employee sign the plan, and it syncs.
    await a.nav('Caseload')
    await one.page.getByRole('row', { name: /Sanne de Vries/ }).click()
    await a.tab('Re-integratieverslag')
    const v1 = one.page
      .getByRole('table', { name: 'Documenten van het dossier' })
      .getByRole('row', { name: 'Plan van Aanpak (versie 1)' })
    await v1.getByRole('button', { name: 'Ondertekenen werkgever' }).click()
    const employerSign = a.form('Ondertekenen door de werkgever')
    await employerSign.getByLabel('Naam ondertekenaar').fill('Jan Jansen')
    await employerSign.getByLabel('Functie ondertekenaar').fill('Directeur')
    await a.drawSignature('Handtekening werkgever')
    await employerSign.getByRole('button', { name: 'Ondertekenen' }).click()
    await expect(employerSign).toBeHidden()
    await v1.getByRole('button', { name: 'Ondertekenen werknemer' }).click()
    const employeeSign = a.form('Ondertekenen door de werknemer')
    await a.drawSignature('Handtekening werknemer')
    await employeeSign.getByRole('button', { name: 'Ondertekenen' }).click()
    await expect(employeeSign).toBeHidden()
    await expect(v1).toContainText('Ondertekend (definitief)')
    await syncNow(one.page)

    // Laptop 2 back online: sync is not stuck; the plan edit is a notice with its reason.
    await two.context.setOffline(false)
    await syncNow(two.page)
    await expect(two.page.getByRole('alert')).toHaveText(
      '1 wijziging is niet verstuurd: de server neemt haar niet aan.',
    )
    const notice = two.page.getByTestId('refused-signed-version')
    await expect(notice).toContainText('Ondertekende documentversie (1)')
    await expect(notice).toContainText('Maak een bijstelling')
    const row = notice.getByRole('row', { name: /Sanne de Vries/ })
    await expect(row).toContainText('Document van het dossier')
    await expect(row).toContainText('Inhoud')
    await expect(row).toContainText('ondertekend')
    await expect(two.page.getByTestId('refused-transferred')).toHaveCount(0)
    await two.page.screenshot({ path: 'test-results/e2e-sync-refused/notice.png', fullPage: true })
    const download = two.page.waitForEvent('download')
    await two.page.getByRole('button', { name: 'Wijzigingen exporteren' }).click()
    const file = test.info().outputPath('refused.json')
    await (await download).saveAs(file)
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      wijzigingen: { veld: string; reden: string; waarde: { employeeView?: string } }[]
    }
    expect(exported.wijzigingen).toEqual([
      expect.objectContaining({
        veld: 'content',
        reden: 'Ondertekende documentversie',
        waarde: expect.objectContaining({ employeeView: 'Ik wil eerst halve dagen werken.' }),
      }),
    ])

    // The dossier edit of the same push reached the server: laptop 1 has it.
    await syncNow(one.page)
    await a.nav('Caseload')
    await one.page.getByRole('row', { name: /Sanne de Vries/ }).click()
    await expect(one.page.getByText('Casemanager: Petra Visser-de Boer')).toBeVisible()
  } finally {
    for (const c of contexts) await c.close()
  }
})
