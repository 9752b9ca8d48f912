import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc/contract'
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp'

/**
 * Smoke test of the wiring in index.ts against a stand-in for `electron` (the binary cannot run
 * here): the order of the lifecycle calls, and that every piece is connected. The decisions
 * themselves are tested beside their modules.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const state = {
    log: [] as string[],
    lock: true,
    userData: '',
    appListeners: new Map<string, Listener>(),
    windows: [] as {
      options: Record<string, unknown>
      url?: string
      sent: unknown[][]
      listeners: Map<string, Listener>
    }[],
    ipc: new Map<string, Listener>(),
    menu: [] as { label?: string; submenu?: { id?: string; click?: () => void }[] }[],
    session: {} as Record<string, Listener>,
    privileged: [] as unknown[],
  }
  class BrowserWindow {
    static getAllWindows = () => state.windows
    static getFocusedWindow = () => null
    record: (typeof state.windows)[number]
    webContents: { send: (...args: unknown[]) => void }
    constructor(options: Record<string, unknown>) {
      state.log.push('new BrowserWindow')
      this.record = { options, sent: [], listeners: new Map() }
      state.windows.push(this.record)
      this.webContents = { send: (...args) => void this.record.sent.push(args) }
    }
    on(event: string, fn: Listener) {
      this.record.listeners.set(event, fn)
      return this
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn)
    }
    async loadURL(url: string) {
      state.log.push(`loadURL ${url}`)
      this.record.url = url
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 })
    isMaximized = () => false
    isMinimized = () => false
    restore = () => undefined
    show = () => void state.log.push('show')
    focus = () => void state.log.push('focus')
  }
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => (state.log.push('requestSingleInstanceLock'), state.lock),
      quit: () => void state.log.push('quit'),
      on: (event: string, fn: Listener) => void state.appListeners.set(event, fn),
      enableSandbox: () => void state.log.push('enableSandbox'),
      whenReady: () => Promise.resolve().then(() => void state.log.push('ready')),
      isReady: () => true,
      getPath: () => state.userData,
      getVersion: () => '0.1.0',
      setBadgeCount: () => true,
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.log.push('registerSchemesAsPrivileged')
        state.privileged.push(...schemes)
      },
      handle: (scheme: string) => void state.log.push(`protocol.handle ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => void (state.session['request'] = fn),
        setPermissionCheckHandler: (fn: Listener) => void (state.session['check'] = fn),
        setSpellCheckerLanguages: () => undefined,
        webRequest: { onHeadersReceived: (fn: Listener) => void (state.session['headers'] = fn) },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => void state.ipc.set(channel, fn),
      removeHandler: (channel: string) => void state.ipc.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: typeof state.menu) => void (state.menu = menu),
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: {},
    shell: { openExternal: async () => undefined },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => new Uint8Array(),
      decryptString: () => '',
    },
    Notification: { isSupported: () => false },
    Tray: class {},
    nativeImage: { createEmpty: () => ({}) },
    net: { fetch: async () => new Response('') },
  }
  return { state, electron }
})

vi.mock('electron', () => fake.electron)

const settle = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  vi.resetModules()
  fake.state.userData = mkdtempSync(join(tmpdir(), 'hervat-main-'))
  Object.assign(fake.state, { log: [], lock: true, windows: [], menu: [], privileged: [] })
  fake.state.appListeners.clear()
  fake.state.ipc.clear()
})
afterEach(() => rmSync(fake.state.userData, { recursive: true, force: true }))

describe('main process wiring', () => {
  it('configures everything before ready, then opens one hardened window on app://hervat', async () => {
    await import('./index')
    await settle()
    const { log } = fake.state
    expect(log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(log.indexOf('ready'))
    expect(log.indexOf('enableSandbox')).toBeLessThan(log.indexOf('ready'))
    expect(log.slice(log.indexOf('ready'))).toEqual([
      'ready',
      'protocol.handle app',
      'new BrowserWindow',
      'loadURL app://hervat/index.html',
    ])
    expect(fake.state.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    const [win] = fake.state.windows
    expect(win?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(String((win?.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.js$/,
    )
    expect([...fake.state.ipc.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort())
    expect([...fake.state.appListeners.keys()]).toEqual(
      expect.arrayContaining([
        'second-instance',
        'web-contents-created',
        'window-all-closed',
        'activate',
      ]),
    )
  })

  it('wires the session guards and the menu', async () => {
    await import('./index')
    await settle()
    const decisions: boolean[] = []
    fake.state.session['request']?.({}, 'media', (ok: boolean) => decisions.push(ok), {
      requestingUrl: 'app://hervat/',
    })
    fake.state.session['request']?.({}, 'notifications', (ok: boolean) => decisions.push(ok), {
      requestingUrl: 'app://hervat/',
    })
    expect(decisions).toEqual([false, true])
    let headers: unknown
    fake.state.session['headers']?.(
      { url: 'app://hervat/index.html', responseHeaders: {} },
      (r: unknown) => (headers = r),
    )
    expect(headers).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })

    const lock = fake.state.menu.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'lock')
    lock?.click?.()
    expect(fake.state.windows[0]?.sent).toEqual([[EVENT_CHANNELS.onMenuCommand, 'lock']])
  })

  it('deletes the plain copy an old in-app sync server left in the data folder', async () => {
    const old = join(fake.state.userData, 'sync-server', 'pglite')
    mkdirSync(old, { recursive: true })
    writeFileSync(join(old, 'PG_VERSION'), '17')
    await import('./index')
    await vi.waitFor(() => expect(existsSync(join(fake.state.userData, 'sync-server'))).toBe(false))
  })

  it('writes nothing personal into the data folder: only the window bounds', async () => {
    await import('./index')
    await settle()
    const win = fake.state.windows[0]
    win?.listeners.get('move')?.()
    win?.listeners.get('close')?.()
    fake.state.appListeners.get('window-all-closed')?.()
    const files = readdirSync(fake.state.userData, { recursive: true })
    expect(files).toEqual(['window-state.json'])
    const saved = JSON.parse(readFileSync(join(fake.state.userData, 'window-state.json'), 'utf8'))
    expect(saved).toEqual({ bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false })
  })

  it('a second start with a backup file focuses the window and announces the file', async () => {
    await import('./index')
    await settle()
    fake.state.appListeners.get('second-instance')?.({}, ['/opt/Hervat/hervat', '/tmp/b.hervat'])
    expect(fake.state.windows[0]?.sent).toEqual([[EVENT_CHANNELS.onBackupFileOpened, 'b.hervat']])
    expect(fake.state.log.slice(-2)).toEqual(['show', 'focus'])
  })

  it('quits at once when another Hervat already runs', async () => {
    fake.state.lock = false
    await import('./index')
    await settle()
    expect(fake.state.log).toEqual(['requestSingleInstanceLock', 'quit'])
    expect(fake.state.windows).toEqual([])
  })
})
