import { version } from '../../../package.json'
import {
  FILE_TOO_LARGE_MESSAGE,
  isMenuCommand,
  MAX_FILE_BYTES,
  type HervatApi,
  type InvokeArgs,
  type InvokeCapability,
} from '../../shared/ipc/contract'
import { allowedExternalUrl } from '../../shared/ipc/external-links'
import { validateIpcArgs } from '../../shared/ipc/validate'

/**
 * The contract of the desktop bridge, implemented in a plain browser: the web build and the
 * end-to-end tests run the same UI against it (docs/adr/0001). Arguments are validated with the
 * very validators main uses, so a call that Electron would refuse fails here too.
 */

/** A file the user picked, as the browser hands it over. */
export type PickedFile = {
  readonly name: string
  readonly size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/** The browser facilities the API uses: the DOM in the app, fakes in unit tests. */
export type BrowserHost = {
  readonly version: string
  readonly os: string | undefined
  /** Offers bytes as a download named `name`. */
  download(name: string, mimeType: string, data: Uint8Array): void
  /** Opens a file picker; `null` when the user cancels. */
  pickFile(accept: string): Promise<PickedFile | null>
  /** Shows a notification if the user has allowed them; otherwise does nothing. */
  notify(title: string, body: string): void
  /** Opens an (already allowlisted) URL in a new tab, without opener. */
  openUrl(url: string): void
  /** Listens for `hervat:menu-command` events (see `dispatchMenuCommand`). */
  onMenuEvent(listener: (detail: unknown) => void): () => void
}

/** Name of the DOM event that stands in for the desktop menu in a browser. */
export const MENU_COMMAND_EVENT = 'hervat:menu-command'

function checked<K extends InvokeCapability>(name: K, args: readonly unknown[]): InvokeArgs<K> {
  const r = validateIpcArgs[name](args)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.value
}

/** `accept` attribute of a file input from dialog-style filters (`*` means anything). */
export function acceptAttribute(filters: InvokeArgs<'openFile'>[0]['filters']): string {
  const exts = filters.flatMap((f) => f.extensions)
  return exts.length === 0 || exts.includes('*') ? '' : exts.map((e) => `.${e}`).join(',')
}

export function createBrowserApi(host: BrowserHost = domHost()): HervatApi {
  return {
    appInfo: async () => ({
      version: host.version,
      platform: 'browser',
      ...(host.os ? { os: host.os } : {}),
    }),

    // Like the preload, pass on only the known fields, then validate as main does.
    saveFile: async ({ suggestedName, mimeType, data }) => {
      const [req] = checked('saveFile', [{ suggestedName, mimeType, data }])
      host.download(req.suggestedName, req.mimeType, req.data)
      return { saved: true }
    },

    openFile: async ({ title, filters }) => {
      const copy = filters.map(({ name, extensions }) => ({ name, extensions: [...extensions] }))
      const [req] = checked('openFile', [{ title, filters: copy }])
      const file = await host.pickFile(acceptAttribute(req.filters))
      if (!file) return null
      if (file.size > MAX_FILE_BYTES) throw new Error(FILE_TOO_LARGE_MESSAGE)
      return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) }
    },

    notify: async ({ title, body }) => {
      const [req] = checked('notify', [{ title, body }])
      host.notify(req.title, req.body)
    },

    openExternal: async (url) => {
      const allowed = allowedExternalUrl(url)
      if (allowed === null) return false
      host.openUrl(allowed)
      return true
    },

    // A browser runs no server of its own: sign in on the sync screen (README, "Sync").
    // A browser has no OS key store: the passphrase alone protects the data key.
    protectDataKey: async (key) => {
      checked('protectDataKey', [key])
      return null
    },
    unprotectDataKey: async (wrapped) => {
      checked('unprotectDataKey', [wrapped])
      return null
    },

    onMenuCommand: (listener) =>
      host.onMenuEvent((detail) => {
        if (isMenuCommand(detail)) listener(detail)
      }),

    // A web build is updated by its server: the next reload is the update.
    updateStatus: async () => ({ state: 'idle' }),
    installUpdate: async (readiness) => {
      checked('installUpdate', [readiness])
      return {
        restarting: false,
        reason: 'no-update',
        message: 'De browserversie werkt zichzelf bij bij het herladen van de pagina.',
      }
    },
    onUpdateStatus: () => () => undefined,
    // A browser is never asked to open a file by the OS, and has no dock or taskbar badge.
    takeOpenedBackup: async () => null,
    onBackupFileOpened: () => () => undefined,
    setOverdueCount: async (count) => {
      checked('setOverdueCount', [count])
    },
  }
}

/** A copy-free view with a plain ArrayBuffer behind it, as `Blob` wants. */
function blobPart(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : data.slice()
}

/** The real browser: a blob download, a hidden file input, the Notification API, `window.open`. */
export function domHost(): BrowserHost {
  return {
    version,
    os: navigator.platform || undefined,

    download(name, mimeType, data) {
      const url = URL.createObjectURL(new Blob([blobPart(data)], { type: mimeType }))
      const a = document.createElement('a')
      a.href = url
      a.download = name
      a.rel = 'noopener'
      a.hidden = true
      document.body.append(a)
      a.click()
      a.remove()
      // Revoke later: some browsers read the blob only after click() has returned.
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    },

    pickFile(accept) {
      return new Promise((resolve) => {
        const input = document.createElement('input')
        input.type = 'file'
        input.accept = accept
        input.hidden = true
        const done = (file: PickedFile | null) => {
          input.remove()
          resolve(file)
        }
        input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true })
        // `cancel` fires when the picker closes without a choice (Chromium 113+, Firefox 91+).
        input.addEventListener('cancel', () => done(null), { once: true })
        document.body.append(input)
        input.click()
      })
    },

    notify(title, body) {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
      new Notification(title, { body })
    },

    openUrl(url) {
      window.open(url, '_blank', 'noopener,noreferrer')
    },

    onMenuEvent(listener) {
      const handler = (event: Event) => listener((event as CustomEvent<unknown>).detail)
      window.addEventListener(MENU_COMMAND_EVENT, handler)
      return () => window.removeEventListener(MENU_COMMAND_EVENT, handler)
    },
  }
}

/**
 * Plays the part of the desktop menu in a browser (e2e tests, a developer console):
 * `dispatchMenuCommand('lock')` reaches every `api.onMenuCommand` listener.
 */
export function dispatchMenuCommand(cmd: unknown, target: EventTarget = window): void {
  target.dispatchEvent(new CustomEvent(MENU_COMMAND_EVENT, { detail: cmd }))
}
