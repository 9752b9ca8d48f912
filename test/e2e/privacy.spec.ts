import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { FREE_TEXT_KEYS, isFreeTextField } from '../../src/shared/domain/free-text'
import { HervatApp } from './app-model'

const MEDICAL = 'Gesprek met de psycholoog over de burn-out'

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

async function setUserName(app: HervatApp, page: Page, name: string) {
  await app.nav('Gegevens')
  await page.getByLabel('Uw naam (voor de audittrail)').fill(name)
  await expect(page.getByText(/Opgeslagen\.$/)).toBeVisible()
}

test('the audit view lists the reads and the export just made; the access export holds the data and trail', async ({
  page,
}, testInfo) => {
  const app = new HervatApp(page)
  await app.open()
  await setUserName(app, page, 'Petra Visser')
  await newDossier(app, page)
  await app.tab('Privacy en inzage')
  const trail = page.getByRole('table', { name: 'Audittrail van dit dossier' })
  await expect(trail.getByRole('row', { name: /Ingezien/ })).toHaveCount(1)
  // Edits: the werknemer, the dossier and its first sick period were created.
  await expect(trail.getByRole('row', { name: /Toegevoegd/ })).toHaveCount(3)
  await expect(trail).toContainText('werknemer')
  await expect(trail).toContainText('ziekteperiode')

  // Opening the dossier again from the caseload is a second read.
  await app.nav('Caseload')
  await page.getByRole('row', { name: /Sanne de Vries/ }).click()
  await app.tab('Privacy en inzage')
  await expect(trail.getByRole('row', { name: /Ingezien/ })).toHaveCount(2)
  await expect(trail.getByRole('row', { name: /Ingezien/ }).first()).toContainText('Petra Visser')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Inzage-export maken' }).click()
  const path = testInfo.outputPath('inzage.json')
  await (await download).saveAs(path)
  await expect(page.getByText('Inzage-export opgeslagen.')).toBeVisible()

  // Newest first: the export just made heads the list, with who and what.
  const newest = trail.getByRole('row').nth(1)
  await expect(newest).toContainText('Geëxporteerd')
  await expect(newest).toContainText('inzage-export (AVG art. 15)')
  await expect(newest).toContainText('Petra Visser')
  await expect(newest).toContainText('Gelukt')

  const doc = JSON.parse(await readFile(path, 'utf8')) as {
    formaat: string
    werkgever: Record<string, unknown>
    werknemer: Record<string, unknown>
    dossier: Record<string, unknown>
    ziekteperiodes: Record<string, unknown>[]
    audittrail: Record<string, unknown>[]
  }
  expect(doc.formaat).toBe('hervat-inzage')
  expect(doc.werkgever).toMatchObject({ naam: 'Bakkerij Jansen', kvkNummer: '12345678' })
  expect(doc.werknemer).toMatchObject({
    voornaam: 'Sanne',
    achternaam: 'de Vries',
    bsn: '111222333',
    functie: 'Administratief medewerker',
  })
  expect(doc.dossier).toMatchObject({ casemanager: 'Petra Visser', status: 'actief' })
  expect(doc.ziekteperiodes).toEqual([expect.objectContaining({ begin: '2026-10-05' })])
  expect(doc.audittrail.filter((e) => e['handeling'] === 'Ingezien')).toHaveLength(2)
  expect(doc.audittrail[0]).toMatchObject({ wie: 'Petra Visser', resultaat: 'Gelukt' })

  // The same inzage as a PDF the werknemer can read, saved through the same audited path.
  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Inzage-PDF maken' }).click()
  const pdfPath = testInfo.outputPath('inzage.pdf')
  await (await pdfDownload).saveAs(pdfPath)
  await expect(page.getByText('Inzage-PDF opgeslagen.')).toBeVisible()
  await expect(trail.getByRole('row').nth(1)).toContainText('inzage-export (AVG art. 15) (PDF)')
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Inzage in persoonsgegevens (AVG artikel 15)')
  expect(text).toContain('Sanne de Vries')
  expect(text).toContain('Burgerservicenummer (BSN) 111222333')
  expect(text).toContain('Ziekteperiodes')
  expect(text).toContain('05-10-2026')
  // The trail up to the PDF: the JSON export just made heads it, the two reads follow.
  expect(text).toMatch(/Petra Visser Geëxporteerd inzage-export \(AVG art\. 15\) \S+ Gelukt/)
  expect(text.match(/Petra Visser Ingezien dossier/g)).toHaveLength(2)
})

test('a tampered audit entry is found by the audit trail check, with its position', async ({
  page,
}) => {
  const app = new HervatApp(page)
  await app.open()
  await newDossier(app, page)
  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Controle audittrail' }).click()
  await page.getByRole('button', { name: 'Audittrail controleren' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'De audittrail is onbeschadigd',
  )

  // Someone edits the second entry straight in IndexedDB, outside the app.
  // (A string, as the test's own TypeScript has no DOM types; it runs in the page.)
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('hervat')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction('audit', 'readwrite')
      const store = tx.objectStore('audit')
      const all = store.getAll()
      all.onsuccess = () => {
        const second = all.result.find((r) => r.seq === 2)
        if (second) store.put({ ...second, actorName: 'Iemand anders' })
      }
      tx.oncomplete = () => { open.result.close(); resolve(true) }
      tx.onerror = () => reject(tx.error)
    }
  })`)
  await page.getByRole('button', { name: 'Audittrail controleren' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('De audittrail is beschadigd')
  await expect(alert).toContainText('Regel 2 is na het vastleggen gewijzigd. (regel 2')
})

/** A backup with two dossiers whose re-integration ended in 2022 (expired since July 2024). */
function oldBackup() {
  const meta = (id: string) => ({
    id,
    createdAt: '2021-01-04T09:00:00.000Z',
    updatedAt: '2022-07-01T09:00:00.000Z',
  })
  const employee = (id: string, firstName: string, bsn: string) => ({
    ...meta(id),
    employerId: 'wg-1',
    firstName,
    lastName: 'Oud',
    bsn,
    dateOfBirth: '1970-02-01',
    address: {},
    jobTitle: 'Magazijnmedewerker',
    contractHoursPerWeek: 38,
    employmentStart: '2000-01-01',
  })
  const dossier = (id: string, employeeId: string) => ({
    ...meta(id),
    employeeId,
    employerId: 'wg-1',
    casemanager: 'Petra Visser',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'hersteld',
    safetyNet: 'onbekend',
    workAccident: false,
    thirdPartyLiable: false,
    reintegrationCompletedOn: '2022-07-01',
  })
  const period = (id: string, dossierId: string) => ({
    ...meta(id),
    dossierId,
    start: '2021-01-04',
    end: '2022-06-30',
  })
  return {
    format: 'hervat-backup',
    version: 6,
    exportedAt: '2026-11-01T09:00:00.000Z',
    tables: {
      employers: [
        {
          ...meta('wg-1'),
          name: 'Transport Oud BV',
          address: {},
          contactPerson: {},
          policyProfile: 'wettelijk',
          eigenrisicodragerZw: false,
        },
      ],
      employees: [employee('wn-1', 'Karel', '111222333'), employee('wn-2', 'Mila', '123456782')],
      dossiers: [dossier('ds-1', 'wn-1'), dossier('ds-2', 'wn-2')],
      sickPeriods: [period('sp-1', 'ds-1'), period('sp-2', 'ds-2')],
    },
  }
}

test('a dossier past retention is erased and cannot be found; one on legal hold cannot be erased', async ({
  page,
}, testInfo) => {
  const app = new HervatApp(page)
  await app.open()
  await app.nav('Gegevens')
  const file = testInfo.outputPath('oud.json')
  await writeFile(file, JSON.stringify(oldBackup()))
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Back-up importeren' }).click()
  await (await chooser).setFiles(file)
  await page.getByRole('dialog').getByRole('button', { name: 'Herstellen' }).click()
  await expect(page.getByText(/Back-up geïmporteerd: 2 dossiers/)).toBeVisible()

  // Mila's dossier is evidence in a pending objection: a legal hold on the dossier page.
  await app.nav('Caseload')
  await page.getByRole('searchbox').fill('Mila')
  await page.getByRole('row', { name: /Mila Oud/ }).click()
  await app.tab('Privacy en inzage')
  await expect(page.getByRole('status', { name: 'Bewaartermijn' })).toContainText(
    'Bewaartermijn verstreken sinds 02-07-2024',
  )
  await page.getByRole('button', { name: 'Juridische blokkade instellen' }).click()
  const hold = app.form('Juridische blokkade')
  await hold.getByLabel('Wat loopt er').selectOption('bezwaar')
  await hold
    .getByLabel('Reden (zaak, besluit, kenmerk)')
    .fill('Bezwaar tegen WIA-besluit, kenmerk 2026-0042')
  await hold.getByLabel('Geldt sinds').fill('01-11-2026')
  await hold.getByRole('button', { name: 'Blokkade opslaan' }).click()
  await expect(page.getByLabel('Geldende juridische blokkade')).toContainText(
    'Bezwaar of beroep loopt',
  )

  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Bewaartermijnen' }).click()
  const expired = page.getByRole('table', { name: 'Dossiers met verstreken bewaartermijn' })
  const held = page.getByRole('table', { name: 'Dossiers met een juridische blokkade' })
  await expect(expired.getByRole('row', { name: /Karel Oud/ })).toBeVisible()
  await expect(expired.getByRole('row', { name: /Mila Oud/ })).toHaveCount(0)
  await expect(held.getByRole('row', { name: /Mila Oud/ })).toBeVisible()
  await expect(
    held
      .getByRole('row', { name: /Mila Oud/ })
      .getByRole('button', { name: 'Wissen niet mogelijk' }),
  ).toBeDisabled()

  await expired
    .getByRole('row', { name: /Karel Oud/ })
    .getByRole('button', { name: 'Wissen…' })
    .click()
  const confirm = page.getByRole('alertdialog')
  await confirm.getByLabel('Naam van de werknemer').fill('Karel')
  await confirm.getByRole('button', { name: 'Definitief wissen' }).click()
  await expect(confirm.getByRole('alert')).toContainText(
    'Typ de naam van de werknemer precies over',
  )
  await confirm.getByLabel('Naam van de werknemer').fill('Karel Oud')
  await confirm.getByRole('button', { name: 'Definitief wissen' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('Dossier gewist')
  await expect(expired.getByRole('row', { name: /Karel Oud/ })).toHaveCount(0)
  await expect(held.getByRole('row', { name: /Mila Oud/ })).toBeVisible()

  await app.nav('Caseload')
  for (const q of ['Karel', '111222333']) {
    await page.getByRole('searchbox').fill(q)
    await expect(
      page.getByText('Geen dossiers gevonden die aan de zoekopdracht voldoen.'),
    ).toBeVisible()
  }
  await page.getByRole('searchbox').fill('123456782')
  await expect(page.getByRole('row', { name: /Mila Oud/ })).toBeVisible()

  // The audit trail still verifies, the erasure's stub included.
  await app.nav('Gegevens')
  await page.getByRole('button', { name: 'Controle audittrail' }).click()
  await page.getByRole('button', { name: 'Audittrail controleren' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'De audittrail is onbeschadigd',
  )
})

/**
 * Types medical language into every text field of `scope`'s forms: each registered free-text
 * field must show the warning, and every multi-line field must be registered free text.
 */
async function checkForms(page: Page, scope: Locator, seen: Set<string>) {
  const fields = scope.locator('form input[type="text"], form textarea')
  const n = await fields.count()
  for (let i = 0; i < n; i++) {
    const f = fields.nth(i)
    const name = (await f.getAttribute('name')) ?? ''
    const tag = await f.evaluate((el) => el.tagName)
    if (tag === 'TEXTAREA') expect(isFreeTextField(name), `textarea ${name}`).toBe(true)
    if (!isFreeTextField(name)) continue
    const before = await f.inputValue()
    await f.fill(MEDICAL)
    await expect(f, name).toHaveAttribute('aria-describedby', /-warning/)
    const ids = ((await f.getAttribute('aria-describedby')) ?? '').split(' ')
    const warningId = ids.find((x) => x.endsWith('-warning')) ?? ''
    await expect(page.locator(`[id="${warningId}"]`), name).toContainText(
      'lijkt medische informatie te bevatten (burn-out, psycholoog)',
    )
    await f.fill(before)
    seen.add(name.split('.').pop() ?? name)
  }
}

test('every free-text field in every form warns about medical language', async ({ page }) => {
  const app = new HervatApp(page)
  await app.open()
  await newDossier(app, page)
  const seen = new Set<string>()
  const main = page.getByRole('main')
  const open = async (button: string) => {
    await main.getByRole('button', { name: button }).first().click()
  }

  await open('Afhandelen')
  await checkForms(page, main, seen)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible()
  for (const b of ['Wijzigen', 'Wijzigen']) {
    await main.getByRole('button', { name: b }).first().click()
    await checkForms(page, main, seen)
    await main.getByRole('button', { name: 'Annuleren' }).first().click()
  }
  const tabs: [string, string[]][] = [
    ['Ziekteperiodes', ['Gedeeltelijk herstel toevoegen', 'Verlof toevoegen']],
    ['Contactmomenten', []],
    ['Interventies', ['Interventie toevoegen']],
    ['Afspraken', ['Afspraak toevoegen']],
    ['Documenten', ['Document toevoegen']],
    ['Privacy en inzage', ['Juridische blokkade instellen']],
  ]
  for (const [tab, buttons] of tabs) {
    await app.tab(tab)
    for (const b of buttons) await open(b)
    await checkForms(page, main, seen)
  }
  await app.nav('Werkgevers')
  await checkForms(page, main, seen)
  await app.nav('Nieuw dossier')
  await checkForms(page, main, seen)

  expect([...seen].sort()).toEqual(Object.keys(FREE_TEXT_KEYS).sort())
})

test('the backup and a document export refuse a document marked medical, in Dutch', async ({
  page,
}) => {
  const app = new HervatApp(page)
  await app.open()
  await newDossier(app, page)
  await app.tab('Documenten')
  await page.getByRole('button', { name: 'Document toevoegen' }).click()
  const form = app.form('Document toevoegen')
  await form.getByLabel('PDF-bestand').setInputFiles({
    name: 'brief.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\nbrief\n%%EOF'),
  })
  await form.getByLabel('Titel').fill('Brief behandelaar')
  await form.getByLabel('Bevat medische informatie').check()
  await form.getByRole('button', { name: 'Document opslaan' }).click()
  const table = page.getByRole('table', { name: 'Documenten' })
  await expect(table).toContainText('Brief behandelaar')

  await table.getByRole('button', { name: 'Opslaan als…' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Opslaan van dit document is geweigerd: een bijlage is als medisch gemarkeerd (“Brief behandelaar”)',
  )

  await app.nav('Gegevens')
  let downloaded = false
  page.on('download', () => {
    downloaded = true
  })
  await page.getByRole('button', { name: 'Back-up exporteren' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'De back-up is geweigerd: een bijlage is als medisch gemarkeerd (“Brief behandelaar”). Medische stukken mogen Hervat niet verlaten.',
  )
  expect(downloaded).toBe(false)

  // The refused document export is in the dossier's trail (the backup's is in the general one).
  await app.nav('Caseload')
  await page.getByRole('row', { name: /Sanne de Vries/ }).click()
  await app.tab('Privacy en inzage')
  const trail = page.getByRole('table', { name: 'Audittrail van dit dossier' })
  await expect(trail.getByRole('row', { name: /Geweigerd/ })).toHaveCount(1)
})
