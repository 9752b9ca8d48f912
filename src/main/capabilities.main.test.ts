import { describe, expect, it } from 'vitest'
import { FILE_TOO_LARGE_MESSAGE, MAX_FILE_BYTES, type NotifyRequest } from '../shared/ipc/contract'
import {
  createDesktopCapabilities,
  safeFileName,
  type DesktopDeps,
  type SafeStorageLike,
} from './capabilities.main'

/** An in-memory desktop: a file system in a Map, dialogs that answer what the test says. */
/** A stand-in OS key store: reversible, but only with its own secret. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  const secret = 'os-secret:'
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => new TextEncoder().encode(secret + [...plain].reverse().join('')),
    decryptString: (enc) => {
      const text = new TextDecoder().decode(enc)
      if (!text.startsWith(secret)) throw new Error('Error while decrypting the ciphertext')
      return [...text.slice(secret.length)].reverse().join('')
    },
  }
}

function memoryDesktop(
  answers: { savePath?: string; openPath?: string; safeStorage?: SafeStorageLike } = {},
) {
  const files = new Map<string, Uint8Array>()
  const notifications: NotifyRequest[] = []
  const opened: string[] = []
  const dialogs: unknown[] = []
  const overdue: number[] = []
  const deps: DesktopDeps = {
    appVersion: '0.1.0',
    os: 'linux',
    defaultDir: '/home/casemanager/Documenten',
    showSaveDialog: async (opts) => {
      dialogs.push(opts)
      return answers.savePath ? { canceled: false, filePath: answers.savePath } : { canceled: true }
    },
    showOpenDialog: async (opts) => {
      dialogs.push(opts)
      return answers.openPath
        ? { canceled: false, filePaths: [answers.openPath] }
        : { canceled: true, filePaths: [] }
    },
    writeFile: async (path, data) => void files.set(path, data),
    readFile: async (path) => files.get(path) ?? Promise.reject(new Error('ENOENT')),
    fileSize: async (path) =>
      path.endsWith('huge.json') ? MAX_FILE_BYTES + 1 : (files.get(path)?.byteLength ?? 0),
    showNotification: (req) => void notifications.push(req),
    openExternal: async (url) => void opened.push(url),
    safeStorage: answers.safeStorage ?? fakeSafeStorage('gnome_libsecret'),
    takeOpenedBackup: async () => ({ name: 'b.hervat', data: new Uint8Array([1]) }),
    showOverdueCount: (n) => void overdue.push(n),
  }
  return { deps, files, notifications, opened, dialogs, overdue }
}

describe('desktop capabilities', () => {
  it('hands over a backup file opened from outside, and passes the overdue count on', async () => {
    const desk = memoryDesktop()
    const api = createDesktopCapabilities(desk.deps)
    expect(await api.takeOpenedBackup()).toEqual({ name: 'b.hervat', data: new Uint8Array([1]) })
    await api.setOverdueCount(2)
    expect(desk.overdue).toEqual([2])
  })

  it('reports the app version and platform', async () => {
    const api = createDesktopCapabilities(memoryDesktop().deps)
    expect(await api.appInfo()).toEqual({ version: '0.1.0', platform: 'electron', os: 'linux' })
    const withFolder = createDesktopCapabilities({
      ...memoryDesktop().deps,
      dataFolder: '/home/p/.config/Hervat',
    })
    expect((await withFolder.appInfo()).dataFolder).toBe('/home/p/.config/Hervat')
  })

  it('saves where the user chose, starting in the documents folder', async () => {
    const desk = memoryDesktop({ savePath: '/home/casemanager/backup.json' })
    const api = createDesktopCapabilities(desk.deps)
    const data = new Uint8Array([123, 125])
    const r = await api.saveFile({
      suggestedName: 'hervat-backup.json',
      mimeType: 'application/json',
      data,
    })
    expect(r).toEqual({ saved: true, path: '/home/casemanager/backup.json' })
    expect(desk.files.get('/home/casemanager/backup.json')).toBe(data)
    expect(desk.dialogs[0]).toMatchObject({
      defaultPath: '/home/casemanager/Documenten/hervat-backup.json',
      filters: [
        { name: 'JSON-bestand', extensions: ['json'] },
        { name: 'Alle bestanden', extensions: ['*'] },
      ],
    })
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const desk = memoryDesktop()
    const api = createDesktopCapabilities(desk.deps)
    const r = await api.saveFile({
      suggestedName: 'x.pdf',
      mimeType: 'application/pdf',
      data: new Uint8Array(),
    })
    expect(r).toEqual({ saved: false })
    expect(desk.files.size).toBe(0)
  })

  it('opens the chosen file, or null when cancelled', async () => {
    const desk = memoryDesktop({ openPath: '/home/casemanager/backup.json' })
    desk.files.set('/home/casemanager/backup.json', new Uint8Array([1]))
    const api = createDesktopCapabilities(desk.deps)
    const req = {
      title: 'Back-up importeren',
      filters: [{ name: 'Hervat-back-up', extensions: ['json'] }],
    }
    expect(await api.openFile(req)).toEqual({ name: 'backup.json', data: new Uint8Array([1]) })
    expect(desk.dialogs[0]).toEqual({ ...req, properties: ['openFile'] })
    expect(await createDesktopCapabilities(memoryDesktop().deps).openFile(req)).toBeNull()
  })

  it('refuses to read a file over 200 MB', async () => {
    const desk = memoryDesktop({ openPath: '/tmp/huge.json' })
    const api = createDesktopCapabilities(desk.deps)
    await expect(api.openFile({ title: 'x', filters: [] })).rejects.toThrow(FILE_TOO_LARGE_MESSAGE)
  })

  it('notifies, and opens only allowlisted links', async () => {
    const desk = memoryDesktop()
    const api = createDesktopCapabilities(desk.deps)
    await api.notify({ title: 'Termijn', body: 'Probleemanalyse uiterlijk morgen' })
    expect(desk.notifications).toEqual([
      { title: 'Termijn', body: 'Probleemanalyse uiterlijk morgen' },
    ])
    expect(await api.openExternal('https://www.uwv.nl/')).toBe(true)
    expect(await api.openExternal('https://www.uwv.nl.evil.com/')).toBe(false)
    expect(desk.opened).toEqual(['https://www.uwv.nl/'])
  })

  it('replaces characters Windows refuses in a suggested name', () => {
    expect(safeFileName('Plan van aanpak: Jansen?.pdf')).toBe('Plan van aanpak_ Jansen_.pdf')
  })

  it('wraps the data key with the OS key store and gives it back', async () => {
    const api = createDesktopCapabilities(memoryDesktop().deps)
    const key = new Uint8Array(32).map((_, i) => i)
    const wrapped = await api.protectDataKey(key)
    expect(wrapped).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(wrapped ?? []).includes(Buffer.from(key))).toBe(false)
    expect(await api.unprotectDataKey(wrapped ?? new Uint8Array())).toEqual(key)
  })

  it('answers null without a real OS key store, and for bytes it cannot decrypt', async () => {
    const key = new Uint8Array(32).fill(7)
    for (const store of [fakeSafeStorage('basic_text'), fakeSafeStorage('kwallet5', false)]) {
      const api = createDesktopCapabilities(memoryDesktop({ safeStorage: store }).deps)
      expect(await api.protectDataKey(key)).toBeNull()
    }
    const api = createDesktopCapabilities(memoryDesktop().deps)
    expect(await api.unprotectDataKey(new TextEncoder().encode('planted'))).toBeNull()
  })

  it('passes update questions to the update controller, and refuses without one', async () => {
    const asked: unknown[] = []
    const api = createDesktopCapabilities({
      ...memoryDesktop().deps,
      updates: {
        status: () => ({ state: 'ready', version: '0.2.0' }),
        install: async (readiness) => (asked.push(readiness), { restarting: true }),
      },
    })
    expect(await api.updateStatus()).toEqual({ state: 'ready', version: '0.2.0' })
    const readiness = { unsavedEdits: false, unsyncedChanges: 0 }
    expect(await api.installUpdate(readiness)).toEqual({ restarting: true })
    expect(asked).toEqual([readiness])

    const none = createDesktopCapabilities(memoryDesktop().deps)
    expect(await none.updateStatus()).toEqual({ state: 'idle' })
    expect(await none.installUpdate(readiness)).toMatchObject({
      restarting: false,
      reason: 'no-update',
    })
  })
})
