import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type HervatApi,
  type MenuCommand,
} from '../shared/ipc/contract'

/**
 * The preload runs in Electron's sandbox, so here it runs against a stand-in for the two
 * `electron` objects it may touch: what it exposes, and what it sends, are then plain data.
 */
const bridge = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const invoked: { channel: string; args: unknown[] }[] = []
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  return {
    exposed,
    invoked,
    listeners,
    electron: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invoked.push({ channel, args })
          return `answer from ${channel}`
        },
        on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
          listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn))
        },
        removeListener: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
          listeners.get(channel)?.delete(fn)
        },
      },
    },
  }
})

vi.mock('electron', () => bridge.electron)

let api: HervatApi
beforeAll(async () => {
  await import('./index')
  api = bridge.exposed.get('hervat') as HervatApi
})

const emit = (channel: string, payload: unknown) =>
  bridge.listeners.get(channel)?.forEach((fn) => fn({ sender: 'main' }, payload))

describe('preload bridge', () => {
  it('exposes exactly one object, with one function per capability and nothing else', () => {
    expect([...bridge.exposed.keys()]).toEqual(['hervat'])
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(INVOKE_CHANNELS), ...Object.keys(EVENT_CHANNELS)].sort(),
    )
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('sends each call on its contract channel, copying only the known fields', async () => {
    bridge.invoked.length = 0
    const data = new Uint8Array([1])
    await api.appInfo()
    await api.saveFile({
      suggestedName: 'a.json',
      mimeType: 'application/json',
      data,
      extra: 1,
    } as never)
    await api.openFile({ title: 'Open', filters: [{ name: 'JSON', extensions: ['json'] }] })
    await api.notify({ title: 't', body: 'b' })
    expect(await api.openExternal('https://www.uwv.nl/')).toBe('answer from hervat:open-external')
    const key = new Uint8Array(32)
    await api.protectDataKey(key)
    await api.unprotectDataKey(key)
    await api.updateStatus()
    await api.installUpdate({ unsavedEdits: false, unsyncedChanges: 2, extra: 1 } as never)
    expect(bridge.invoked).toEqual([
      { channel: INVOKE_CHANNELS.appInfo, args: [] },
      {
        channel: INVOKE_CHANNELS.saveFile,
        args: [{ suggestedName: 'a.json', mimeType: 'application/json', data }],
      },
      {
        channel: INVOKE_CHANNELS.openFile,
        args: [{ title: 'Open', filters: [{ name: 'JSON', extensions: ['json'] }] }],
      },
      { channel: INVOKE_CHANNELS.notify, args: [{ title: 't', body: 'b' }] },
      { channel: INVOKE_CHANNELS.openExternal, args: ['https://www.uwv.nl/'] },
      { channel: INVOKE_CHANNELS.protectDataKey, args: [key] },
      { channel: INVOKE_CHANNELS.unprotectDataKey, args: [key] },
      { channel: INVOKE_CHANNELS.updateStatus, args: [] },
      {
        channel: INVOKE_CHANNELS.installUpdate,
        args: [{ unsavedEdits: false, unsyncedChanges: 2 }],
      },
    ])
  })

  it('delivers menu commands, drops anything else, and unsubscribes', () => {
    const got: MenuCommand[] = []
    const unsubscribe = api.onMenuCommand((cmd) => got.push(cmd))
    emit(EVENT_CHANNELS.onMenuCommand, 'lock')
    emit(EVENT_CHANNELS.onMenuCommand, 'rm -rf')
    emit(EVENT_CHANNELS.onMenuCommand, { cmd: 'lock' })
    unsubscribe()
    emit(EVENT_CHANNELS.onMenuCommand, 'about')
    expect(got).toEqual(['lock'])
    expect(bridge.listeners.get(EVENT_CHANNELS.onMenuCommand)?.size).toBe(0)
  })

  it('delivers update progress and unsubscribes', () => {
    const got: unknown[] = []
    const unsubscribe = api.onUpdateStatus((status) => got.push(status))
    emit(EVENT_CHANNELS.onUpdateStatus, { state: 'downloading', version: '0.2.0', percent: 40 })
    unsubscribe()
    emit(EVENT_CHANNELS.onUpdateStatus, { state: 'ready', version: '0.2.0' })
    expect(got).toEqual([{ state: 'downloading', version: '0.2.0', percent: 40 }])
    expect(bridge.listeners.get(EVENT_CHANNELS.onUpdateStatus)?.size).toBe(0)
  })
})

describe('opened backup files and the overdue badge', () => {
  it('passes a file name on, drops anything else, and sends the count on its channel', async () => {
    const got: string[] = []
    const unsubscribe = api.onBackupFileOpened((name) => got.push(name))
    emit(EVENT_CHANNELS.onBackupFileOpened, 'back-up.hervat')
    emit(EVENT_CHANNELS.onBackupFileOpened, { path: '/etc/passwd' })
    unsubscribe()
    emit(EVENT_CHANNELS.onBackupFileOpened, 'later.hervat')
    expect(got).toEqual(['back-up.hervat'])
    bridge.invoked.length = 0
    await api.takeOpenedBackup()
    await api.setOverdueCount(3)
    expect(bridge.invoked).toEqual([
      { channel: INVOKE_CHANNELS.takeOpenedBackup, args: [] },
      { channel: INVOKE_CHANNELS.setOverdueCount, args: [3] },
    ])
  })
})

describe('preload imports', () => {
  /** Follows relative imports from the preload; returns every bare module specifier it meets. */
  function bareImports(file: string, seen = new Set<string>()): Set<string> {
    const bare = new Set<string>()
    if (seen.has(file)) return bare
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, spec] of source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)) {
      if (!spec) continue
      if (spec.startsWith('.')) {
        for (const dep of bareImports(resolve(dirname(file), `${spec}.ts`), seen)) bare.add(dep)
      } else bare.add(spec)
    }
    return bare
  }

  it('reaches no npm package but electron (a sandboxed preload cannot require one)', () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url))
    expect([...bareImports(entry)]).toEqual(['electron'])
  })
})
