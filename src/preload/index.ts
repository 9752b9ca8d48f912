import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  isMenuCommand,
  type HervatApi,
  type InvokeArgs,
  type InvokeCapability,
  type InvokeResult,
  type MenuCommand,
  type UpdateStatus,
} from '../shared/ipc/contract'

/**
 * The bridge: one named function per capability of the contract, nothing else. No
 * `ipcRenderer`, no generic `invoke(channel)`. Runs sandboxed, so it imports only `electron` and
 * the pure contract (bundled into this one CommonJS file). Main validates every argument again.
 */

function invoke<K extends InvokeCapability>(
  name: K,
  ...args: InvokeArgs<K>
): Promise<InvokeResult<K>> {
  return ipcRenderer.invoke(INVOKE_CHANNELS[name], ...args) as Promise<InvokeResult<K>>
}

const api = {
  appInfo: () => invoke('appInfo'),
  // Copy the known fields only: main's validators refuse unknown keys.
  saveFile: ({ suggestedName, mimeType, data }) =>
    invoke('saveFile', { suggestedName, mimeType, data }),
  openFile: ({ title, filters }) =>
    invoke('openFile', {
      title,
      filters: filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] })),
    }),
  notify: ({ title, body }) => invoke('notify', { title, body }),
  openExternal: (url) => invoke('openExternal', url),
  protectDataKey: (key) => invoke('protectDataKey', key),
  unprotectDataKey: (wrapped) => invoke('unprotectDataKey', wrapped),
  onMenuCommand: (listener: (cmd: MenuCommand) => void) => {
    const channel = EVENT_CHANNELS.onMenuCommand
    const wrapped = (_event: IpcRendererEvent, cmd: unknown) => {
      if (isMenuCommand(cmd)) listener(cmd)
    }
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
  updateStatus: () => invoke('updateStatus'),
  installUpdate: ({ unsavedEdits, unsyncedChanges }) =>
    invoke('installUpdate', { unsavedEdits, unsyncedChanges }),
  onUpdateStatus: (listener: (status: UpdateStatus) => void) => {
    const channel = EVENT_CHANNELS.onUpdateStatus
    const wrapped = (_event: IpcRendererEvent, status: UpdateStatus) => listener(status)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
  takeOpenedBackup: () => invoke('takeOpenedBackup'),
  onBackupFileOpened: (listener: (fileName: string) => void) => {
    const channel = EVENT_CHANNELS.onBackupFileOpened
    const wrapped = (_event: IpcRendererEvent, name: unknown) => {
      if (typeof name === 'string') listener(name)
    }
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
  setOverdueCount: (count) => invoke('setOverdueCount', count),
} satisfies HervatApi

contextBridge.exposeInMainWorld('hervat', api)
