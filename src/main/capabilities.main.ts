import { basename, extname, join } from 'node:path'
import {
  FILE_TOO_LARGE_MESSAGE,
  MAX_FILE_BYTES,
  type FileFilter,
  type InvokeArgs,
  type InvokeCapability,
  type InvokeResult,
  type NotifyRequest,
  type OpenedFile,
} from '../shared/ipc/contract'
import { openAllowedExternal } from './security.main'
import { mainText } from './messages.main'
import { updateText, type UpdateController } from './updates.main'

/** Main's implementation of one invoke capability, called with validated arguments. */
export type InvokeHandler<K extends InvokeCapability> = (
  ...args: InvokeArgs<K>
) => Promise<InvokeResult<K>>

export type InvokeHandlers = { readonly [K in InvokeCapability]: InvokeHandler<K> }

type DialogFilter = { name: string; extensions: string[] }

/**
 * The side effects the desktop capabilities need, as a seam (style.md rule 10): index.ts passes
 * Electron's dialog, shell, Notification and node:fs; tests pass in-memory fakes.
 */
export type DesktopDeps = {
  readonly appVersion: string
  readonly os: string
  /** `app.getPath('userData')`, shown in "Over Hervat". */
  readonly dataFolder?: string
  /** Folder the save dialog starts in (`app.getPath('documents')`). */
  readonly defaultDir: string
  readonly showSaveDialog: (opts: {
    title: string
    defaultPath: string
    filters: DialogFilter[]
  }) => Promise<{ canceled: boolean; filePath?: string }>
  readonly showOpenDialog: (opts: {
    title: string
    filters: DialogFilter[]
    properties: ['openFile']
  }) => Promise<{ canceled: boolean; filePaths: string[] }>
  readonly writeFile: (path: string, data: Uint8Array) => Promise<void>
  readonly readFile: (path: string) => Promise<Uint8Array>
  readonly fileSize: (path: string) => Promise<number>
  /** Shows a system notification; a no-op where the OS has none. */
  readonly showNotification: (req: NotifyRequest) => void
  readonly openExternal: (url: string) => Promise<void>
  /** Electron's `safeStorage` (the OS key store: DPAPI, Keychain, libsecret/kwallet). */
  readonly safeStorage: SafeStorageLike
  /** The update controller (src/main/updates.main.ts); absent when no feed is configured. */
  readonly updates?: Pick<UpdateController, 'status' | 'install'>
  /** The backup file the OS asked Hervat to open (open-backup.main.ts), handed over once. */
  readonly takeOpenedBackup: () => Promise<OpenedFile | null>
  /** Shows the count of overdue steps (overdue-badge.main.ts). */
  readonly showOverdueCount: (count: number) => void
}

/** The slice of Electron's `safeStorage` the key capabilities use. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean
  /** Linux: `basic_text` means no real key store (a hard-coded password): not good enough. */
  getSelectedStorageBackend?(): string
  encryptString(plain: string): Uint8Array
  decryptString(encrypted: Uint8Array): string
}

/** Whether the OS key store really protects secrets (not Chromium's plaintext fallback). */
export function osKeyStoreUsable(s: SafeStorageLike): boolean {
  if (!s.isEncryptionAvailable()) return false
  const backend = s.getSelectedStorageBackend?.()
  return backend === undefined || backend !== 'basic_text'
}

const toBase64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

/** Characters Windows refuses in file names become `_`; folders were refused by validation. */
export function safeFileName(name: string): string {
  return name.replace(/[<>:"|?*]/g, '_')
}

function saveFilters(fileName: string): DialogFilter[] {
  const ext = extname(fileName).slice(1)
  const all = { name: mainText.dialog.allFiles, extensions: ['*'] }
  return /^[a-z0-9]{1,16}$/i.test(ext)
    ? [{ name: `${ext.toUpperCase()}-bestand`, extensions: [ext] }, all]
    : [all]
}

const toDialogFilters = (filters: readonly FileFilter[]): DialogFilter[] =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }))

/** The Electron implementation of every invoke capability of the contract. */
export function createDesktopCapabilities(deps: DesktopDeps): InvokeHandlers {
  return {
    appInfo: async () => ({
      version: deps.appVersion,
      platform: 'electron',
      os: deps.os,
      ...(deps.dataFolder ? { dataFolder: deps.dataFolder } : {}),
    }),

    saveFile: async (req) => {
      const name = safeFileName(req.suggestedName)
      const r = await deps.showSaveDialog({
        title: mainText.dialog.saveTitle,
        defaultPath: join(deps.defaultDir, name),
        filters: saveFilters(name),
      })
      if (r.canceled || !r.filePath) return { saved: false }
      await deps.writeFile(r.filePath, req.data)
      return { saved: true, path: r.filePath }
    },

    openFile: async (req) => {
      const r = await deps.showOpenDialog({
        title: req.title,
        filters: toDialogFilters(req.filters),
        properties: ['openFile'],
      })
      const path = r.filePaths[0]
      if (r.canceled || path === undefined) return null
      if ((await deps.fileSize(path)) > MAX_FILE_BYTES) throw new Error(FILE_TOO_LARGE_MESSAGE)
      return { name: basename(path), data: await deps.readFile(path) }
    },

    notify: async (req) => {
      deps.showNotification(req)
    },

    openExternal: (url) => openAllowedExternal(url, deps.openExternal),

    protectDataKey: async (key) => {
      if (!osKeyStoreUsable(deps.safeStorage)) return null
      return new Uint8Array(deps.safeStorage.encryptString(toBase64(key)))
    },

    unprotectDataKey: async (wrapped) => {
      if (!osKeyStoreUsable(deps.safeStorage)) return null
      try {
        const key = Buffer.from(deps.safeStorage.decryptString(wrapped), 'base64')
        return key.byteLength === 32 ? new Uint8Array(key) : null
      } catch {
        return null
      }
    },

    updateStatus: async () => deps.updates?.status() ?? { state: 'idle' },
    installUpdate: async (readiness) =>
      deps.updates
        ? deps.updates.install(readiness)
        : { restarting: false, reason: 'no-update', message: updateText.noUpdate },
    takeOpenedBackup: () => deps.takeOpenedBackup(),
    setOverdueCount: async (count) => {
      deps.showOverdueCount(count)
    },
  }
}
