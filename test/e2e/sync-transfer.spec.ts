import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { HervatApp } from './app-model'

/**
 * A dossier reassigned away leaves the previous casemanager's device (docs/adr/0005), end to end:
 * a real sync server (`npm run server`'s entry point on PGlite, its own free port), casemanagers
 * Petra and Karin in two Chromium contexts (each its own IndexedDB), teamleider Tom via the API.
 */

const PASSWORD = 'correct horse battery staple'
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')

let dataDir = ''
let server: ChildProcess | undefined
let SERVER = ''

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(TSX, args, { env: { ...process.env, ...env }, stdio: 'inherit' })
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]}: ${code}`))))
  })
}

async function api<T>(
  path: string,
  init: { token?: string; body?: unknown; method?: 'GET' | 'POST' | 'PUT' } = {},
): Promise<T> {
  const res = await fetch(`${SERVER}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

const login = (email: string) =>
  api<{ accessToken: string }>('/api/v1/auth/login', {
    body: { email, password: PASSWORD, deviceName: 'e2e' },
  })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dataDir = mkdtempSync(join(tmpdir(), 'hervat-transfer-e2e-'))
  // Port 0: the server picks a free port and prints it, so this file never clashes with another.
  const env = { HERVAT_DATA_DIR: dataDir, PORT: '0', HERVAT_ADMIN_PASSWORD: PASSWORD }
  await run(
    [
      'src/server/cli/init.ts',
      '--org',
      'Bureau Oost',
      '--email',
      'admin@oost.nl',
      '--name',
      'Beheer',
    ],
    env,
  )
  const child = spawn(TSX, ['src/server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  server = child
  SERVER = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('De syncserver startte niet.')), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /"listening":(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    })
    child.on('exit', (code) => reject(new Error(`De syncserver stopte (${code}).`)))
  })
  const admin = await login('admin@oost.nl')
  for (const [email, name, role] of [
    ['petra@oost.nl', 'Petra Visser', 'casemanager'],
    ['karin@oost.nl', 'Karin de Wit', 'casemanager'],
    ['tom@oost.nl', 'Tom Bakker', 'teamleider'],
  ] as const) {
    await api('/api/v1/users', {
      token: admin.accessToken,
      body: { email, name, role, password: PASSWORD },
    })
  }
})

test.afterAll(async () => {
  // Our own server process group only (started detached above).
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
  await new Promise((r) => setTimeout(r, 500))
  rmSync(dataDir, { recursive: true, force: true })
})

const syncLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Synchronisatie' })

async function signIn(page: Page, email: string) {
  const app = new HervatApp(page)
  await app.open()
  await syncLink(page).click()
  const form = page.getByRole('form', { name: 'Inloggen' })
  await form.getByLabel('Serveradres').fill(SERVER)
  await form.getByLabel('E-mailadres').fill(email)
  await form.getByLabel('Wachtwoord').fill(PASSWORD)
  await form.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByTestId('sync-message')).toHaveText('Gesynchroniseerd.')
  return app
}

async function syncNow(page: Page) {
  await syncLink(page).click()
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click()
  await expect(page.getByTestId('sync-message')).toHaveText('Gesynchroniseerd.')
  await expect(page.getByText('Geen wijzigingen te versturen').first()).toBeVisible()
}

/** Tom, the teamleider, reassigns Petra's only dossier to Karin through the API. */
async function tomReassignsToKarin(): Promise<string> {
  const { accessToken } = await login('tom@oost.nl')
  const pulled = await api<{ changes: { table: string; recordId: string }[] }>(
    '/api/v1/sync/pull?cursor=0',
    { token: accessToken },
  )
  const dossierIds = [
    ...new Set(pulled.changes.filter((c) => c.table === 'dossiers').map((c) => c.recordId)),
  ]
  expect(dossierIds).toHaveLength(1)
  const { users } = await api<{ users: { id: string; email: string }[] }>('/api/v1/users', {
    token: accessToken,
  })
  const karin = users.find((u) => u.email === 'karin@oost.nl')
  await api(`/api/v1/dossiers/${dossierIds[0]}/assignment`, {
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
    const a = await signIn(petra.page, 'petra@oost.nl')
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
    const file = join(dataDir, 'refused.json')
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
    const b = await signIn(karin.page, 'karin@oost.nl')
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
