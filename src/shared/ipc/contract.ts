/**
 * The one IPC contract between the Electron main process and the UI (style.md rule 5).
 *
 * `HervatApi` is what the renderer calls: the preload implements it over IPC (checked with
 * `satisfies`), `src/renderer/platform/browser-api.ts` implements it in a plain browser, and
 * main registers one handler per invoke capability from the same names. Pure TypeScript: no
 * electron, no node, no DOM, so main, preload and renderer can all import it.
 */

/** Commands the application menu sends to the UI (main → renderer). */
export const MENU_COMMANDS = [
  'new-dossier',
  'export-backup',
  'import-backup',
  'load-sample-data',
  'lock',
  'sync-now',
  'about',
] as const

export type MenuCommand = (typeof MENU_COMMANDS)[number]

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

export type AppInfo = {
  readonly version: string
  readonly platform: 'electron' | 'browser'
  /** Operating system as reported by the host (`process.platform` or the browser's guess). */
  readonly os?: string
  /** Electron: the app's data folder (`app.getPath('userData')`). */
  readonly dataFolder?: string
}

export type SaveFileRequest = {
  /** A bare file name (no folders), offered in the save dialog or used for the download. */
  readonly suggestedName: string
  readonly mimeType: string
  readonly data: Uint8Array
}

export type SaveFileResult = {
  /** `false` when the user cancelled the dialog. */
  readonly saved: boolean
  /** Where the file was written (Electron only; a browser does not tell). */
  readonly path?: string
}

export type FileFilter = { readonly name: string; readonly extensions: readonly string[] }

export type OpenFileRequest = {
  readonly title: string
  readonly filters: readonly FileFilter[]
}

export type OpenedFile = { readonly name: string; readonly data: Uint8Array }

export type NotifyRequest = { readonly title: string; readonly body: string }

export type Unsubscribe = () => void

/**
 * Where the desktop app's update stands (docs/adr/0014). A downloaded update becomes `ready` only
 * after its sha512 matched the organisation's feed; `rejected` when it did not.
 */
export type UpdateStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'checking' }
  | { readonly state: 'downloading'; readonly version: string; readonly percent: number }
  | { readonly state: 'ready'; readonly version: string }
  | { readonly state: 'rejected'; readonly version: string; readonly message: string }
  | { readonly state: 'error'; readonly message: string }

/**
 * The renderer's answer to "may I restart?": main installs an update only when nothing would be
 * lost, i.e. no edit is open unsaved and every local change has reached the sync server.
 */
export type RestartReadiness = {
  readonly unsavedEdits: boolean
  readonly unsyncedChanges: number
}

export type RestartRefusal = 'no-update' | 'unsaved-edit' | 'unsynced-changes'

export type RestartDecision =
  | { readonly restarting: true }
  | { readonly restarting: false; readonly reason: RestartRefusal; readonly message: string }

/** Every capability of the desktop bridge. The renderer codes against this type only. */
export type HervatApi = {
  readonly appInfo: () => Promise<AppInfo>
  /** Electron: native save dialog, then write. Browser: a download. */
  readonly saveFile: (req: SaveFileRequest) => Promise<SaveFileResult>
  /** Electron: native open dialog, then read. Browser: a file picker. `null` when cancelled. */
  readonly openFile: (req: OpenFileRequest) => Promise<OpenedFile | null>
  /** A system notification; silently nothing where notifications are not permitted. */
  readonly notify: (req: NotifyRequest) => Promise<void>
  /** Opens an allowlisted https URL in the user's browser; `false` when refused. */
  readonly openExternal: (url: string) => Promise<boolean>
  /**
   * Encrypts the database's data key with the OS key store (Electron `safeStorage`), so the
   * logged-in user can unlock without the passphrase. `null` where no OS key store is available
   * (always in a browser).
   */
  readonly protectDataKey: (key: Uint8Array) => Promise<Uint8Array | null>
  /** The data key back from `protectDataKey`'s bytes; `null` when the OS key store cannot. */
  readonly unprotectDataKey: (wrapped: Uint8Array) => Promise<Uint8Array | null>
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (cmd: MenuCommand) => void) => Unsubscribe
  /** Where the update stands now. Browser: always `idle` (a web build updates by reloading). */
  readonly updateStatus: () => Promise<UpdateStatus>
  /**
   * Restarts into a verified, downloaded update, given the renderer's answer to "may I
   * restart?"; refused (with a Dutch reason) when something would be lost. Browser: `no-update`.
   */
  readonly installUpdate: (readiness: RestartReadiness) => Promise<RestartDecision>
  /** Subscribes to update progress pushed by main. Browser: never fires. */
  readonly onUpdateStatus: (listener: (status: UpdateStatus) => void) => Unsubscribe
  /**
   * The backup file Hervat was asked to open (command line, double-click on a `.hervat` file),
   * read and handed over once; `null` when there is none (always in a browser). The renderer
   * shows the restore confirmation; nothing changes before the user confirms.
   */
  readonly takeOpenedBackup: () => Promise<OpenedFile | null>
  /** Main was asked to open a backup file (its name); `takeOpenedBackup` hands it over. */
  readonly onBackupFileOpened: (listener: (fileName: string) => void) => Unsubscribe
  /** The number of overdue steps, for the dock or taskbar badge (or the tray tooltip). */
  readonly setOverdueCount: (count: number) => Promise<void>
}

/** Capabilities answered by main (`ipcRenderer.invoke` → `ipcMain.handle`). */
export type InvokeCapability = Exclude<keyof HervatApi, EventCapability>

/** Capabilities that subscribe to events pushed by main (`webContents.send` → `ipcRenderer.on`). */
export type EventCapability = Extract<keyof HervatApi, `on${string}`>

export type InvokeArgs<K extends InvokeCapability> = Parameters<HervatApi[K]>
export type InvokeResult<K extends InvokeCapability> = Awaited<ReturnType<HervatApi[K]>>

/** The payload main sends for each event capability. */
export type EventPayload<K extends EventCapability> = Parameters<HervatApi[K]>[0] extends (
  payload: infer P,
) => void
  ? P
  : never

/** IPC channel of every invoke capability. Keys are checked against the contract both ways. */
export const INVOKE_CHANNELS = {
  appInfo: 'hervat:app-info',
  saveFile: 'hervat:save-file',
  openFile: 'hervat:open-file',
  notify: 'hervat:notify',
  openExternal: 'hervat:open-external',
  protectDataKey: 'hervat:protect-data-key',
  unprotectDataKey: 'hervat:unprotect-data-key',
  updateStatus: 'hervat:update-status',
  installUpdate: 'hervat:install-update',
  takeOpenedBackup: 'hervat:take-opened-backup',
  setOverdueCount: 'hervat:set-overdue-count',
} as const satisfies { readonly [K in InvokeCapability]: `hervat:${string}` }

/** IPC channel of every event capability. */
export const EVENT_CHANNELS = {
  onMenuCommand: 'hervat:menu-command',
  onUpdateStatus: 'hervat:update-status-changed',
  onBackupFileOpened: 'hervat:backup-file-opened',
} as const satisfies { readonly [K in EventCapability]: `hervat:${string}` }

/** The names of the invoke capabilities, in one place for main's registration loop. */
export const INVOKE_CAPABILITIES = Object.keys(INVOKE_CHANNELS) as readonly InvokeCapability[]

/** Upper bound of a file moving through the bridge in either direction. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024

/** Shown (or thrown) when a file exceeds `MAX_FILE_BYTES`, by every implementation alike. */
export const FILE_TOO_LARGE_MESSAGE = `Het bestand is groter dan ${MAX_FILE_BYTES / 1024 / 1024} MB.`
