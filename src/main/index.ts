import { readFileSync } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron'
import { EVENT_CHANNELS, type MenuCommand } from '../shared/ipc/contract'
import { appLocation, APP_SCHEME } from './app-origin.main'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.main'
import { createDesktopCapabilities } from './capabilities.main'
import { registerIpcHandlers } from './ipc-handlers.main'
import { removeLegacySyncServer } from './legacy-sync-server.main'
import { buildMenuTemplate } from './menu.main'
import { backupPathFromArgs, createBackupInbox } from './open-backup.main'
import { createOverdueBadge } from './overdue-badge.main'
import {
  decidePermissionCheck,
  decidePermissionRequest,
  hardenWebContents,
  withContentSecurityPolicy,
} from './security.main'
import {
  decideRestart,
  startUpdates,
  UPDATE_CHECK_INTERVAL_MS,
  type UpdateController,
} from './updates.main'
import { createWindowOptions } from './window-options.main'
import {
  fitToDisplays,
  loadWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
} from './window-state.main'

/*
 * The Electron main process: lifecycle and wiring only. Every decision lives in a `*.main.ts`
 * module that takes Electron's objects as parameters and is unit-tested without Electron.
 */

const site = appLocation({
  isPackaged: app.isPackaged,
  rendererUrl: process.env['ELECTRON_RENDERER_URL'],
})
const rendererDir = join(__dirname, '../renderer')
const security = {
  appOrigin: site.origin,
  openExternal: (url: string) => shell.openExternal(url),
}

let mainWindow: BrowserWindow | null = null

/** Updates from the organisation's feed (docs/adr/0014); null when none is configured. */
let updates: UpdateController | null = null

function setUpUpdates(): void {
  void startUpdates({
    isPackaged: app.isPackaged,
    env: process.env,
    readAppUpdateYml: () => {
      try {
        return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8')
      } catch {
        return null
      }
    },
    platform: process.platform,
    arch: process.arch,
    loadUpdater: async () => (await import('electron-updater')).autoUpdater,
    fetchText: async (url) => {
      const res = await net.fetch(url)
      if (!res.ok) throw new Error(`HTTP ${res.status} voor ${url}`)
      return res.text()
    },
    send: (status) => mainWindow?.webContents.send(EVENT_CHANNELS.onUpdateStatus, status),
  })
    .then((controller) => {
      updates = controller
      if (!controller) return
      void controller.check()
      setInterval(() => void controller.check(), UPDATE_CHECK_INTERVAL_MS).unref()
    })
    .catch((e: unknown) => console.error('Updates niet gestart:', e))
}

/** A backup file the OS asked Hervat to open, until the unlocked renderer takes it. */
const backupInbox = createBackupInbox({
  fileSize: async (path) => (await stat(path)).size,
  readFile: (path) => readFile(path),
  announce: (name) => mainWindow?.webContents.send(EVENT_CHANNELS.onBackupFileOpened, name),
})

let tray: Tray | null = null
const showOverdueCount = createOverdueBadge({
  setBadgeCount: (count) => app.setBadgeCount(count),
  setTrayTooltip: (text) => {
    if (text === null) {
      tray?.destroy()
      tray = null
      return
    }
    tray ??= new Tray(trayImage())
    tray.setToolTip(text)
  },
})

/** The app's icon for the tray: shipped as `tray.png` beside the app, or from resources/ in dev. */
function trayImage() {
  const file = app.isPackaged
    ? join(process.resourcesPath, 'tray.png')
    : join(__dirname, '../../resources/icons/32x32.png')
  return nativeImage.createFromPath(file)
}

/** Hervat has one window; menu commands go to its page. */
function sendMenuCommand(cmd: MenuCommand): void {
  mainWindow?.webContents.send(EVENT_CHANNELS.onMenuCommand, cmd)
}

function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE)
  const initial = fitToDisplays(
    loadWindowState(stateFile),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
  )
  const win = new BrowserWindow(
    createWindowOptions({
      preloadPath: join(__dirname, '../preload/index.js'),
      bounds: initial.bounds,
      dev: site.dev,
    }),
  )
  trackWindowState(win, { file: stateFile })
  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize()
    win.show()
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  void win.loadURL(site.entryUrl)
  return win
}

function focusMainWindow(): void {
  if (!app.isReady()) return
  if (!mainWindow) {
    mainWindow = createMainWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function configureSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermissionRequest(permission, details.requestingUrl, site.origin))
  })
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermissionCheck(permission, requestingOrigin, site.origin),
  )
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback(withContentSecurityPolicy(details, site.origin))
  })
  if (process.platform !== 'darwin') ses.setSpellCheckerLanguages(['nl', 'en-US'])
}

function main(): void {
  // One Hervat at a time: a second start focuses the window that is already open.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', (_event, argv) => {
    backupInbox.offer(backupPathFromArgs(argv))
    focusMainWindow()
  })
  // A backup file given on the command line, or (macOS) double-clicked in the Finder.
  backupInbox.offer(backupPathFromArgs(process.argv))
  app.on('open-file', (event, path) => {
    event.preventDefault()
    backupInbox.offer(path)
    focusMainWindow()
  })

  // Every renderer sandboxed, whatever a later BrowserWindow forgets to say.
  app.enableSandbox()
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, security))

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({ rootDir: rendererDir, fetchFile: (url) => net.fetch(url) }),
    )
    configureSession()
    // No server or database runs in main (docs/adr/0008); an old in-app server's plain copy goes.
    void removeLegacySyncServer(app.getPath('userData')).then((r) => {
      if (r === 'failed') console.error('De oude map sync-server kon niet worden verwijderd.')
    })

    registerIpcHandlers(
      ipcMain,
      createDesktopCapabilities({
        appVersion: app.getVersion(),
        os: process.platform,
        dataFolder: app.getPath('userData'),
        defaultDir: app.getPath('documents'),
        showSaveDialog: (opts) =>
          mainWindow ? dialog.showSaveDialog(mainWindow, opts) : dialog.showSaveDialog(opts),
        showOpenDialog: (opts) =>
          mainWindow ? dialog.showOpenDialog(mainWindow, opts) : dialog.showOpenDialog(opts),
        writeFile: (path, data) => writeFile(path, data),
        readFile: (path) => readFile(path),
        fileSize: async (path) => (await stat(path)).size,
        showNotification: (req) => {
          if (Notification.isSupported()) new Notification(req).show()
        },
        openExternal: (url) => shell.openExternal(url),
        safeStorage,
        updates: {
          status: () => updates?.status() ?? { state: 'idle' },
          install: async (readiness) =>
            updates ? updates.install(readiness) : decideRestart({ state: 'idle' }, readiness),
        },
        takeOpenedBackup: () => backupInbox.take(),
        showOverdueCount,
      }),
      site.origin,
    )

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ platform: process.platform, dev: site.dev, send: sendMenuCommand }),
      ),
    )

    mainWindow = createMainWindow()
    setUpUpdates()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
    })
  })
}

main()
