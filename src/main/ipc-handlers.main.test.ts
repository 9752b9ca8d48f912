import { describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS } from '../shared/ipc/contract'
import type { InvokeHandlers } from './capabilities.main'
import {
  createInvokeListener,
  isTrustedSender,
  registerIpcHandlers,
  type InvokeEventLike,
  type IpcMainLike,
} from './ipc-handlers.main'

const APP = 'app://hervat'
const fromApp: InvokeEventLike = {
  senderFrame: { url: 'app://hervat/index.html#/data', parent: null },
}

/** Handlers that record their calls. */
function recordingHandlers() {
  const calls: [string, unknown[]][] = []
  const handlers: InvokeHandlers = {
    appInfo: async () => (calls.push(['appInfo', []]), { version: '0.1.0', platform: 'electron' }),
    saveFile: async (...args) => (calls.push(['saveFile', args]), { saved: true, path: '/tmp/x' }),
    openFile: async (...args) => (calls.push(['openFile', args]), null),
    notify: async (...args) => void calls.push(['notify', args]),
    openExternal: async (...args) => (calls.push(['openExternal', args]), true),
    protectDataKey: async (...args) => (calls.push(['protectDataKey', args]), null),
    unprotectDataKey: async (...args) => (calls.push(['unprotectDataKey', args]), null),
    updateStatus: async () => (calls.push(['updateStatus', []]), { state: 'idle' }),
    installUpdate: async (...args) => (
      calls.push(['installUpdate', args]),
      { restarting: false, reason: 'no-update', message: '' }
    ),
    takeOpenedBackup: async () => (calls.push(['takeOpenedBackup', []]), null),
    setOverdueCount: async (...args) => void calls.push(['setOverdueCount', args]),
  }
  return { calls, handlers }
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => void handlers.delete(channel),
  }
  return { ipcMain, handlers }
}

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app’s own page', () => {
    expect(isTrustedSender(fromApp, APP)).toBe(true)
    expect(isTrustedSender({ senderFrame: null }, APP)).toBe(false)
    expect(
      isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } }, APP),
    ).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: 'file:///tmp/x.html', parent: null } }, APP)).toBe(
      false,
    )
    expect(
      isTrustedSender({ senderFrame: { url: 'app://hervat/frame.html', parent: {} } }, APP),
    ).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: 'app://hervat.evil/', parent: null } }, APP)).toBe(
      false,
    )
  })

  it('treats a frame that throws on access as untrusted', () => {
    const gone = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed')
      },
    }
    expect(isTrustedSender(gone, APP)).toBe(false)
  })
})

describe('invoke listeners', () => {
  it('passes validated arguments to the handler', async () => {
    const { calls, handlers } = recordingHandlers()
    const data = new Uint8Array([1, 2])
    const listener = createInvokeListener('saveFile', handlers, APP)
    await expect(
      listener(fromApp, { suggestedName: 'a.json', mimeType: 'application/json', data }),
    ).resolves.toEqual({ saved: true, path: '/tmp/x' })
    expect(calls).toEqual([
      ['saveFile', [{ suggestedName: 'a.json', mimeType: 'application/json', data }]],
    ])
  })

  it('refuses a foreign sender frame before looking at the arguments', async () => {
    const { calls, handlers } = recordingHandlers()
    const listener = createInvokeListener('openExternal', handlers, APP)
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } }
    await expect(listener(foreign, 'https://www.uwv.nl/')).rejects.toThrow(/afzender/)
    expect(calls).toEqual([])
  })

  it.each([
    ['saveFile', [{ suggestedName: 'a.json', mimeType: 'application/json', data: 'AAEC' }]],
    [
      'saveFile',
      [{ suggestedName: '/etc/passwd', mimeType: 'text/plain', data: new Uint8Array() }],
    ],
    ['openFile', ['Back-up importeren']],
    ['notify', [{ title: 1, body: 2 }]],
    ['openExternal', [42]],
    ['appInfo', ['extra']],
  ] as const)('refuses bad arguments to %s', async (name, args) => {
    const { calls, handlers } = recordingHandlers()
    const listener = createInvokeListener(name, handlers, APP)
    await expect(listener(fromApp, ...args)).rejects.toThrow(INVOKE_CHANNELS[name])
    expect(calls).toEqual([])
  })
})

describe('registerIpcHandlers', () => {
  it('registers one handler per contract channel and removes them again', async () => {
    const { ipcMain, handlers: registered } = fakeIpcMain()
    const { handlers } = recordingHandlers()
    const dispose = registerIpcHandlers(ipcMain, handlers, APP)
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort())
    await expect(registered.get(INVOKE_CHANNELS.appInfo)?.(fromApp)).resolves.toEqual({
      version: '0.1.0',
      platform: 'electron',
    })
    dispose()
    expect(registered.size).toBe(0)
  })
})
