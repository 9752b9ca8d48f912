import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import semver from 'semver'
import { ensureElectron, nodeVersionProblem } from '../../scripts/ensure-electron.mjs'

const electronDir = '/project/node_modules/electron'
const binary = join(electronDir, 'dist', 'electron')

/** A stand-in file system and installer; `install` writes what Electron's installer would. */
function setup(opts: {
  files?: Record<string, string>
  nodeVersion?: string
  env?: Record<string, string>
  installer?: 'succeeds' | 'fails' | 'cannot-start' | 'exits-0-without-binary'
}) {
  const files = new Map(Object.entries(opts.files ?? {}))
  const messages: string[] = []
  const errors: string[] = []
  const runInstaller = vi.fn(() => {
    switch (opts.installer ?? 'succeeds') {
      case 'succeeds':
        files.set(join(electronDir, 'path.txt'), 'electron')
        files.set(binary, '\x7fELF')
        return { status: 0 }
      case 'fails':
        return { status: 1 }
      case 'cannot-start':
        return { status: null, error: new Error('spawn EACCES') }
      case 'exits-0-without-binary':
        return { status: 0 }
    }
  })
  const code = () =>
    ensureElectron({
      nodeVersion: opts.nodeVersion ?? 'v22.12.0',
      projectRange: '>=20.19',
      desktopRange: '>= 22.12.0',
      electronDir,
      env: opts.env ?? {},
      exists: (p) => files.has(p),
      readText: (p) => files.get(p) ?? null,
      runInstaller,
      log: (m) => messages.push(m),
      fail: (m) => errors.push(m),
    })
  return { code, runInstaller, messages, errors, files }
}

describe('the pre-start step of npm start and npm run dev', () => {
  it('calls nothing when the binary named in path.txt is present', () => {
    const s = setup({ files: { [join(electronDir, 'path.txt')]: 'electron', [binary]: 'ELF' } })
    expect(s.code()).toBe(0)
    expect(s.runInstaller).not.toHaveBeenCalled()
    expect(s.errors).toEqual([])
  })

  it('runs Electron’s installer once when path.txt is missing, then succeeds', () => {
    const s = setup({})
    expect(s.code()).toBe(0)
    expect(s.runInstaller).toHaveBeenCalledTimes(1)
    expect(s.messages.join('\n')).toMatch(/Electron is nog niet gedownload/)
    expect(s.errors).toEqual([])
  })

  it('runs the installer when path.txt points to a binary that is not there', () => {
    const s = setup({ files: { [join(electronDir, 'path.txt')]: 'electron' } })
    expect(s.code()).toBe(0)
    expect(s.runInstaller).toHaveBeenCalledTimes(1)
    expect(s.files.has(binary)).toBe(true)
  })

  it('stops with a Dutch message and a non-zero exit when the download fails', () => {
    const s = setup({ installer: 'fails' })
    expect(s.code()).toBe(1)
    expect(s.runInstaller).toHaveBeenCalledTimes(1)
    expect(s.errors).toHaveLength(1)
    expect(s.errors[0]).toMatch(/Electron kon niet worden gedownload/)
    expect(s.errors[0]).toMatch(/internetverbinding/)
    expect(s.errors[0]).toMatch(/npm run web/)
  })

  it('names the reason when the installer cannot even start', () => {
    const s = setup({ installer: 'cannot-start' })
    expect(s.code()).toBe(1)
    expect(s.errors[0]).toMatch(/spawn EACCES/)
  })

  it('does not trust an installer that exits 0 but leaves no binary', () => {
    const s = setup({ installer: 'exits-0-without-binary' })
    expect(s.code()).toBe(1)
    expect(s.errors[0]).toMatch(/Electron kon niet worden gedownload/)
  })

  it('accepts an ELECTRON_EXEC_PATH that exists, as electron-vite does, without downloading', () => {
    const s = setup({ env: { ELECTRON_EXEC_PATH: '/opt/electron/electron' } })
    s.files.set('/opt/electron/electron', 'ELF')
    expect(s.code()).toBe(0)
    expect(s.runInstaller).not.toHaveBeenCalled()
  })

  it('refuses an ELECTRON_EXEC_PATH that points to nothing, without downloading', () => {
    const s = setup({ env: { ELECTRON_EXEC_PATH: '/opt/nothing' } })
    expect(s.code()).toBe(1)
    expect(s.runInstaller).not.toHaveBeenCalled()
    expect(s.errors[0]).toMatch(/ELECTRON_EXEC_PATH wijst naar \/opt\/nothing/)
  })

  it('stops before any download on a Node too old for Electron, and says what still works', () => {
    const s = setup({ nodeVersion: 'v20.20.2' })
    expect(s.code()).toBe(1)
    expect(s.runInstaller).not.toHaveBeenCalled()
    expect(s.errors[0]).toMatch(/Node >= 22\.12\.0 nodig/)
    expect(s.errors[0]).toMatch(/deze Node is v20\.20\.2/)
    expect(s.errors[0]).toMatch(/npm test/)
  })

  it('stops on a Node too old for the project itself', () => {
    const s = setup({ nodeVersion: 'v18.20.0' })
    expect(s.code()).toBe(1)
    expect(s.errors[0]).toMatch(/Hervat heeft Node >=20\.19 nodig; deze Node is v18\.20\.0/)
  })
})

describe('the Node requirements as stated in the package files', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }
  const electronPkg = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as {
    engines: { node: string }
  }

  it('the project range admits the Node 20 the tests, web build and server run on', () => {
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true)
    expect(semver.satisfies('20.18.0', pkg.engines.node)).toBe(false)
  })

  it('the desktop range is Electron’s own and needs more than the project range', () => {
    expect(
      nodeVersionProblem({
        nodeVersion: 'v20.20.2',
        projectRange: pkg.engines.node,
        desktopRange: electronPkg.engines.node,
      }),
    ).toMatch(/desktop-app/)
    expect(
      nodeVersionProblem({
        nodeVersion: 'v22.12.0',
        projectRange: pkg.engines.node,
        desktopRange: electronPkg.engines.node,
      }),
    ).toBeNull()
  })
})
