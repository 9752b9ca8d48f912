import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc/contract'
import { mainText } from './messages.main'

const t = mainText.menu

export type MenuOptions = {
  /** `process.platform`: macOS gets its application menu first, the others "Afsluiten" in Bestand. */
  readonly platform: string
  /** Development build: adds reload and the developer tools. */
  readonly dev: boolean
  /** Sends a command to the UI (`webContents.send` on the focused window). */
  readonly send: (cmd: MenuCommand) => void
}

const command = (
  label: string,
  cmd: MenuCommand,
  send: (cmd: MenuCommand) => void,
  accelerator?: string,
): MenuItemConstructorOptions => ({
  id: cmd,
  label,
  ...(accelerator ? { accelerator } : {}),
  click: () => send(cmd),
})

/** The Dutch application menu as a plain template (`Menu.buildFromTemplate` in index.ts). */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin'
  const { send } = opts

  const macApp: MenuItemConstructorOptions = {
    label: 'Hervat',
    submenu: [
      command(t.about, 'about', send),
      { type: 'separator' },
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      { type: 'separator' },
      { role: 'quit', label: t.quit },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newDossier, 'new-dossier', send, 'CmdOrCtrl+N'),
      { type: 'separator' },
      command(t.exportBackup, 'export-backup', send, 'CmdOrCtrl+Shift+E'),
      command(t.importBackup, 'import-backup', send, 'CmdOrCtrl+Shift+I'),
      command(t.loadSampleData, 'load-sample-data', send),
      { type: 'separator' },
      command(t.lock, 'lock', send, 'CmdOrCtrl+L'),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      ...(opts.dev
        ? [
            { role: 'reload', label: t.reload } as const,
            { role: 'toggleDevTools', label: t.devTools } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
    ],
  }

  const sync: MenuItemConstructorOptions = {
    label: t.sync,
    submenu: [command(t.syncNow, 'sync-now', send, 'CmdOrCtrl+Shift+S')],
  }

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [command(t.about, 'about', send)],
  }

  return mac ? [macApp, file, edit, view, sync, windowMenu, help] : [file, edit, view, sync, help]
}
