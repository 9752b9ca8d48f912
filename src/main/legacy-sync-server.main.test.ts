import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LEGACY_SYNC_SERVER_DIR, removeLegacySyncServer } from './legacy-sync-server.main'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A userData folder as an install with the old in-app server left it. */
function oldInstall(): string {
  const userData = mkdtempSync(join(tmpdir(), 'hervat-legacy-'))
  dirs.push(userData)
  const server = join(userData, LEGACY_SYNC_SERVER_DIR)
  mkdirSync(join(server, 'pglite', 'base', '16384'), { recursive: true })
  writeFileSync(join(server, 'pglite', 'base', '16384', '2619'), 'Sanne de Vries 111222333')
  writeFileSync(join(server, 'pglite', 'postmaster.pid'), '1')
  writeFileSync(join(server, 'embedded-account.json'), '{"sealed":true,"password":"AAAA"}', {
    mode: 0o600,
  })
  writeFileSync(join(server, 'jwt-secret'), 'secret', { mode: 0o600 })
  writeFileSync(join(userData, 'window-state.json'), '{}')
  return userData
}

describe('removing the old in-app sync server', () => {
  it('deletes the whole folder, sealed credentials included, and leaves the rest', async () => {
    const userData = oldInstall()
    expect(await removeLegacySyncServer(userData)).toBe('removed')
    expect(existsSync(join(userData, LEGACY_SYNC_SERVER_DIR))).toBe(false)
    expect(readdirSync(userData)).toEqual(['window-state.json'])
  })

  it('is a no-op on a new install and on the start after the cleanup', async () => {
    const userData = oldInstall()
    await removeLegacySyncServer(userData)
    expect(await removeLegacySyncServer(userData)).toBe('absent')
    expect(readdirSync(userData)).toEqual(['window-state.json'])
  })

  it('reports a failure without throwing, so the next start tries again', async () => {
    const userData = oldInstall()
    const result = await removeLegacySyncServer(userData, {
      exists: async () => true,
      removeTree: async () => {
        throw new Error('EBUSY')
      },
    })
    expect(result).toBe('failed')
    expect(existsSync(join(userData, LEGACY_SYNC_SERVER_DIR))).toBe(true)
  })
})
