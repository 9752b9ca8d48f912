import { INVOKE_CAPABILITIES, INVOKE_CHANNELS, type InvokeCapability } from '../shared/ipc/contract'
import { validateIpcArgs } from '../shared/ipc/validate'
import { isAppUrl } from './app-origin.main'
import type { InvokeHandler, InvokeHandlers } from './capabilities.main'

/** The slice of `IpcMainInvokeEvent` the handlers read. */
export type InvokeEventLike = {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

/** The slice of `ipcMain` used to register and remove handlers. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

/** Raised to the renderer when a call is refused; the message names the reason. */
export class IpcRefusedError extends Error {
  override readonly name = 'IpcRefusedError'
}

/**
 * Only the top frame of Hervat's own page may call main: not an iframe, not a page that
 * somehow navigated elsewhere. (`senderFrame` is null once the frame is gone.)
 */
export function isTrustedSender(event: InvokeEventLike, appOrigin: string): boolean {
  let frame: InvokeEventLike['senderFrame']
  try {
    frame = event.senderFrame
  } catch {
    return false
  }
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appOrigin)
}

/** The `ipcMain.handle` listener of one capability: check the sender, validate, then run. */
export function createInvokeListener<K extends InvokeCapability>(
  name: K,
  handlers: InvokeHandlers,
  appOrigin: string,
): (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown> {
  const validate = validateIpcArgs[name]
  const handler: InvokeHandler<K> = handlers[name]
  return async (event, ...args) => {
    if (!isTrustedSender(event, appOrigin)) {
      throw new IpcRefusedError(`${INVOKE_CHANNELS[name]}: afzender is niet de Hervat-pagina.`)
    }
    const parsed = validate(args)
    if (!parsed.ok) throw new IpcRefusedError(`${INVOKE_CHANNELS[name]}: ${parsed.error.message}`)
    return handler(...parsed.value)
  }
}

/** Registers one handler per invoke capability of the contract; returns a function to undo it. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: InvokeHandlers,
  appOrigin: string,
): () => void {
  for (const name of INVOKE_CAPABILITIES) {
    ipcMain.handle(INVOKE_CHANNELS[name], createInvokeListener(name, handlers, appOrigin))
  }
  return () => {
    for (const name of INVOKE_CAPABILITIES) ipcMain.removeHandler(INVOKE_CHANNELS[name])
  }
}
