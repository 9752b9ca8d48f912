import { describe, expect, it } from 'vitest'
import { FILE_TOO_LARGE_MESSAGE, MAX_FILE_BYTES, type MenuCommand } from '../../shared/ipc/contract'
import {
  acceptAttribute,
  createBrowserApi,
  dispatchMenuCommand,
  MENU_COMMAND_EVENT,
  type BrowserHost,
  type PickedFile,
} from './browser-api'

/** A browser without a DOM: records downloads, notifications and opened tabs. */
function fakeHost(picked: PickedFile | null = null) {
  const downloads: { name: string; mimeType: string; data: Uint8Array }[] = []
  const notifications: string[] = []
  const tabs: string[] = []
  const accepts: string[] = []
  const menu = new EventTarget()
  const host: BrowserHost = {
    version: '0.1.0',
    os: 'Linux x86_64',
    download: (name, mimeType, data) => void downloads.push({ name, mimeType, data }),
    pickFile: async (accept) => (accepts.push(accept), picked),
    notify: (title, body) => void notifications.push(`${title}: ${body}`),
    openUrl: (url) => void tabs.push(url),
    onMenuEvent: (listener) => {
      const handler = (e: Event) => listener((e as CustomEvent<unknown>).detail)
      menu.addEventListener(MENU_COMMAND_EVENT, handler)
      return () => menu.removeEventListener(MENU_COMMAND_EVENT, handler)
    },
  }
  return { host, downloads, notifications, tabs, accepts, menu }
}

const file = (name: string, bytes: number[], size = bytes.length): PickedFile => ({
  name,
  size,
  arrayBuffer: async () => new Uint8Array(bytes).buffer,
})

describe('browser implementation of the contract', () => {
  it('says it runs in a browser', async () => {
    expect(await createBrowserApi(fakeHost().host).appInfo()).toEqual({
      version: '0.1.0',
      platform: 'browser',
      os: 'Linux x86_64',
    })
  })

  it('saves by offering a download', async () => {
    const fake = fakeHost()
    const data = new Uint8Array([1, 2, 3])
    const api = createBrowserApi(fake.host)
    expect(
      await api.saveFile({
        suggestedName: 'hervat-backup.json',
        mimeType: 'application/json',
        data,
      }),
    ).toEqual({
      saved: true,
    })
    expect(fake.downloads).toEqual([
      { name: 'hervat-backup.json', mimeType: 'application/json', data },
    ])
  })

  it('refuses what Electron’s main process would refuse', async () => {
    const fake = fakeHost()
    const api = createBrowserApi(fake.host)
    const data = new Uint8Array([1])
    await expect(
      api.saveFile({ suggestedName: '../x.json', mimeType: 'application/json', data }),
    ).rejects.toThrow(/saveFile/)
    await expect(
      api.saveFile({ suggestedName: 'x.json', mimeType: 'application/json', data: 'x' as never }),
    ).rejects.toThrow()
    await expect(api.notify({ title: '', body: '' })).rejects.toThrow(/notify/)
    expect(fake.downloads).toEqual([])
    // Extra fields are dropped, as the preload drops them, rather than refused.
    const extra = { suggestedName: 'x.json', mimeType: 'application/json', data, id: 7 }
    expect(await api.saveFile(extra)).toEqual({ saved: true })
    expect(fake.downloads).toHaveLength(1)
  })

  it('opens a picked file as bytes, and null when the picker is cancelled', async () => {
    const fake = fakeHost(file('backup.json', [123, 125]))
    const req = {
      title: 'Back-up importeren',
      filters: [{ name: 'Hervat-back-up', extensions: ['json'] }],
    }
    expect(await createBrowserApi(fake.host).openFile(req)).toEqual({
      name: 'backup.json',
      data: new Uint8Array([123, 125]),
    })
    expect(fake.accepts).toEqual(['.json'])
    expect(await createBrowserApi(fakeHost(null).host).openFile(req)).toBeNull()
  })

  it('refuses a picked file over 200 MB before reading it', async () => {
    const big: PickedFile = {
      name: 'huge.json',
      size: MAX_FILE_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('should not be read')),
    }
    const api = createBrowserApi(fakeHost(big).host)
    await expect(api.openFile({ title: 'x', filters: [] })).rejects.toThrow(FILE_TOO_LARGE_MESSAGE)
  })

  it('builds the accept attribute from the filters', () => {
    expect(
      acceptAttribute([
        { name: 'Back-up', extensions: ['json'] },
        { name: 'PDF', extensions: ['pdf'] },
      ]),
    ).toBe('.json,.pdf')
    expect(acceptAttribute([{ name: 'Alles', extensions: ['*'] }])).toBe('')
    expect(acceptAttribute([])).toBe('')
  })

  it('notifies through the host', async () => {
    const fake = fakeHost()
    await createBrowserApi(fake.host).notify({ title: 'Termijn', body: 'Morgen' })
    expect(fake.notifications).toEqual(['Termijn: Morgen'])
  })

  it('opens only allowlisted links, normalised', async () => {
    const fake = fakeHost()
    const api = createBrowserApi(fake.host)
    expect(await api.openExternal('https://wetten.overheid.nl/BWBR0013063')).toBe(true)
    for (const url of [
      'https://www.uwv.nl.evil.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://a@www.uwv.nl/',
    ]) {
      expect(await api.openExternal(url)).toBe(false)
    }
    expect(fake.tabs).toEqual(['https://wetten.overheid.nl/BWBR0013063'])
  })

  it('has no updates of its own: a reload is the update', async () => {
    const api = createBrowserApi(fakeHost().host)
    expect(await api.updateStatus()).toEqual({ state: 'idle' })
    expect(await api.installUpdate({ unsavedEdits: false, unsyncedChanges: 0 })).toMatchObject({
      restarting: false,
      reason: 'no-update',
    })
    await expect(
      api.installUpdate({ unsavedEdits: false, unsyncedChanges: -1 } as never),
    ).rejects.toThrow(/unsyncedChanges/)
    const unsubscribe = api.onUpdateStatus(() => undefined)
    expect(typeof unsubscribe).toBe('function')
  })

  it('passes menu commands dispatched as DOM events, and nothing else', () => {
    const fake = fakeHost()
    const got: MenuCommand[] = []
    const unsubscribe = createBrowserApi(fake.host).onMenuCommand((cmd) => got.push(cmd))
    dispatchMenuCommand('new-dossier', fake.menu)
    dispatchMenuCommand('format-c', fake.menu)
    unsubscribe()
    dispatchMenuCommand('lock', fake.menu)
    expect(got).toEqual(['new-dossier'])
  })
})
