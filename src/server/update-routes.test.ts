import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app'
import { openPglite, type Db } from './db/db'
import { SECRET } from './test-support'

describe('the update feed under /updates/', () => {
  let root: string
  let feedDir: string
  let db: Db
  let app: FastifyInstance
  let bare: FastifyInstance
  const installer = Buffer.from('MZ stand-in installer bytes 0123456789')

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hervat-updates-'))
    feedDir = join(root, 'feed')
    mkdirSync(join(feedDir, 'stable'), { recursive: true })
    writeFileSync(join(feedDir, 'stable', 'latest.yml'), 'version: 0.2.0\npath: Hervat.exe\n')
    writeFileSync(join(feedDir, 'stable', 'Hervat-Setup-0.2.0.exe'), installer)
    writeFileSync(join(feedDir, 'stable', 'Hervat-0.2.0-x86_64.AppImage'), 'appimage')
    writeFileSync(join(feedDir, 'stable', 'Hervat-Setup-0.2.0.exe.blockmap'), 'blockmap')
    writeFileSync(join(feedDir, 'stable', '.env'), 'SECRET=1')
    writeFileSync(join(root, 'outside.yml'), 'not part of the feed')
    db = await openPglite(undefined)
    app = await buildApp({ db, jwtSecret: SECRET, updatesDir: feedDir })
    bare = await buildApp({ db, jwtSecret: SECRET })
  }, 60_000)

  afterAll(async () => {
    await app.close()
    await bare.close()
    await db.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves latest.yml without a login, as YAML that must be re-read on every check', async () => {
    const res = await app.inject({ url: '/updates/stable/latest.yml' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('version: 0.2.0\npath: Hervat.exe\n')
    expect(res.headers['content-type']).toBe('text/yaml; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves installers as their own types, blockmaps as bytes', async () => {
    const exe = await app.inject({ url: '/updates/stable/Hervat-Setup-0.2.0.exe' })
    expect(exe.statusCode).toBe(200)
    expect(exe.rawPayload.equals(installer)).toBe(true)
    expect(exe.headers['content-type']).toBe('application/vnd.microsoft.portable-executable')
    const appImage = await app.inject({ url: '/updates/stable/Hervat-0.2.0-x86_64.AppImage' })
    expect(appImage.headers['content-type']).toBe('application/vnd.appimage')
    const blockmap = await app.inject({ url: '/updates/stable/Hervat-Setup-0.2.0.exe.blockmap' })
    expect(blockmap.headers['content-type']).toBe('application/octet-stream')
  })

  it('answers byte ranges, which electron-updater uses for a differential download', async () => {
    const res = await app.inject({
      url: '/updates/stable/Hervat-Setup-0.2.0.exe',
      headers: { range: 'bytes=3-12' },
    })
    expect(res.statusCode).toBe(206)
    expect(res.rawPayload.equals(installer.subarray(3, 13))).toBe(true)
  })

  it.each([
    ['/updates/stable/../../outside.yml'],
    ['/updates/stable/%2e%2e/%2e%2e/outside.yml'],
    ['/updates/stable/..%2f..%2foutside.yml'],
    ['/updates/../outside.yml'],
    ['/updates/stable/.env'],
    ['/updates/stable/'],
    ['/updates/stable'],
    ['/updates/STABLE/latest.yml'],
    ['/updates/stable/missing.yml'],
  ])('refuses %s with 404: nothing outside the feed, no dot files, no listings', async (url) => {
    const res = await app.inject({ url })
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain('not part of the feed')
    expect(res.body).not.toContain('SECRET')
  })

  it('is read-only: no upload, no delete', async () => {
    for (const method of ['PUT', 'POST', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/updates/stable/latest.yml', payload: 'x' })
      expect(res.statusCode).toBe(404)
    }
    const still = await app.inject({ url: '/updates/stable/latest.yml' })
    expect(still.body).toBe('version: 0.2.0\npath: Hervat.exe\n')
  })

  it('does not exist on a server without HERVAT_UPDATES_DIR', async () => {
    const res = await bare.inject({ url: '/updates/stable/latest.yml' })
    expect(res.statusCode).toBe(404)
  })
})
