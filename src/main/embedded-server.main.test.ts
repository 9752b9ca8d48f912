import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EMBEDDED_EMAIL, startEmbeddedServer, type SecretBox } from './embedded-server.main'

/** A stand-in for Electron's safeStorage: reversible, and visibly not the plain text. */
const box: SecretBox = {
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
  decrypt: (sealed) => {
    const s = sealed.toString()
    if (!s.startsWith('sealed:')) throw new Error('not sealed')
    return Buffer.from(s.slice(7), 'hex').toString()
  },
}

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hervat-embedded-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const change = (id: string, value: string) => ({
  id,
  table: 'dossiers',
  recordId: 'd-embedded',
  dossierId: 'd-embedded',
  field: 'status',
  value,
  hlc: `${String(Date.now()).padStart(15, '0')}-00000-nodeE`,
  baseHlc: null,
})

describe('embedded sync server (what `npm start` runs in the Electron main process)', () => {
  it('starts on a loopback port, provisions once, signs in, and keeps data across a restart', async () => {
    const dataDir = tempDir()
    const first = await startEmbeddedServer({ dataDir, secretBox: box, deviceName: 'Laptop' })
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${first.url}/health`)).status).toBe(200)
    const s1 = await first.session()
    expect(s1).toMatchObject({ serverUrl: first.url, user: { email: EMBEDDED_EMAIL } })
    // The password is kept sealed on disk, never in plain text.
    const stored = JSON.parse(readFileSync(join(dataDir, 'embedded-account.json'), 'utf8'))
    expect(stored.sealed).toBe(true)
    expect(stored.password).not.toContain('sealed:')
    const pushed = await fetch(`${first.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s1.accessToken}` },
      body: JSON.stringify({ changes: [change('c-embedded-1', 'actief')] }),
    })
    expect(pushed.status).toBe(200)
    await first.close()

    const second = await startEmbeddedServer({ dataDir, secretBox: box, deviceName: 'Laptop' })
    const s2 = await second.session()
    expect(s2.user.id).toBe(s1.user.id)
    const pulled = await fetch(`${second.url}/api/v1/sync/pull?cursor=0`, {
      headers: { authorization: `Bearer ${s2.accessToken}` },
    })
    const body = (await pulled.json()) as { changes: { id: string; value: unknown }[] }
    expect(body.changes.map((c) => [c.id, c.value])).toEqual([['c-embedded-1', 'actief']])
    await second.close()
  }, 120_000)

  it('without a keychain the password is stored in a file only the user may read', async () => {
    const dataDir = tempDir()
    const server = await startEmbeddedServer({ dataDir, secretBox: null, deviceName: 'Laptop' })
    const stored = JSON.parse(readFileSync(join(dataDir, 'embedded-account.json'), 'utf8'))
    expect(stored.sealed).toBe(false)
    expect(statSync(join(dataDir, 'embedded-account.json')).mode & 0o077).toBe(0)
    expect((await server.session()).accessToken.length).toBeGreaterThan(20)
    await server.close()
  }, 120_000)
})
