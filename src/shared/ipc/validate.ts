import { z } from 'zod'
import type { AppError, Result } from '../kernel/errors'
import { parseAt } from '../domain/validation'
import {
  FILE_TOO_LARGE_MESSAGE,
  MAX_FILE_BYTES,
  type InvokeArgs,
  type InvokeCapability,
} from './contract'

/**
 * Validators for the arguments of every invoke capability. In main, whatever the renderer sends
 * is `unknown`: a compromised or buggy page can send any structured-clonable value. Each
 * validator checks types, sizes and shapes and returns the typed arguments or an error naming the
 * offending field (style.md rules 3 and 7).
 */

export type IpcValidationError = Extract<AppError, { kind: 'validation' }>

export type ArgsValidator<K extends InvokeCapability> = (
  args: readonly unknown[],
) => Result<InvokeArgs<K>, IpcValidationError>

export const ipcMsg = {
  text: 'Verwacht een tekst.',
  empty: 'Mag niet leeg zijn.',
  tooLong: 'Deze tekst is te lang.',
  fileName: 'Verwacht een bestandsnaam zonder map (geen / of \\, geen stuurtekens).',
  mimeType: 'Verwacht een MIME-type zoals application/json.',
  bytes: 'Verwacht bytes (Uint8Array).',
  tooLarge: FILE_TOO_LARGE_MESSAGE,
  extension: 'Verwacht een extensie zonder punt, zoals json, of *.',
  url: 'Verwacht een volledige URL.',
} as const

// Stuurtekens (C0, DEL, C1) have no place in a file name, a title or a URL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/

const text = (max: number) =>
  z
    .string({ error: ipcMsg.text })
    .max(max, ipcMsg.tooLong)
    .refine((s) => !CONTROL_CHARS.test(s), ipcMsg.text)

const nonEmptyText = (max: number) => text(max).refine((s) => s.trim() !== '', ipcMsg.empty)

/** A bare file name: the dialog or the browser chooses the folder, never the page. */
export const fileNameSchema = z
  .string({ error: ipcMsg.text })
  .min(1, ipcMsg.empty)
  .max(255, ipcMsg.tooLong)
  .refine(
    (s) => !/[/\\]/.test(s) && !CONTROL_CHARS.test(s) && s !== '.' && s !== '..',
    ipcMsg.fileName,
  )

const mimeTypeSchema = z
  .string({ error: ipcMsg.text })
  .max(127, ipcMsg.tooLong)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, ipcMsg.mimeType)

const bytesSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, ipcMsg.bytes)
  .refine((d) => d.byteLength <= MAX_FILE_BYTES, ipcMsg.tooLarge)

const saveFileRequest = z.strictObject({
  suggestedName: fileNameSchema,
  mimeType: mimeTypeSchema,
  data: bytesSchema,
})

const fileFilter = z.strictObject({
  name: nonEmptyText(100),
  extensions: z
    .array(z.string({ error: ipcMsg.extension }).regex(/^(\*|[a-z0-9]{1,16})$/i, ipcMsg.extension))
    .min(1)
    .max(20),
})

const openFileRequest = z.strictObject({
  title: nonEmptyText(200),
  filters: z.array(fileFilter).max(20),
})

const notifyRequest = z.strictObject({
  title: nonEmptyText(200),
  body: text(2000),
})

const urlSchema = z
  .string({ error: ipcMsg.text })
  .max(2048, ipcMsg.tooLong)
  .refine((s) => URL.canParse(s) && !CONTROL_CHARS.test(s) && s.trim() === s, ipcMsg.url)

/** A data key is 32 bytes; what safeStorage makes of it stays far below 1 KB. */
const dataKeySchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, ipcMsg.bytes)
  .refine((d) => d.byteLength === 32, 'Verwacht een sleutel van 32 bytes.')
const wrappedKeySchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, ipcMsg.bytes)
  .refine((d) => d.byteLength > 0 && d.byteLength <= 1024, 'Verwacht 1 tot 1024 bytes.')

const restartReadiness = z.strictObject({
  unsavedEdits: z.boolean({ error: 'Verwacht ja of nee.' }),
  unsyncedChanges: z
    .number({ error: 'Verwacht een aantal.' })
    .int('Verwacht een geheel aantal.')
    .min(0, 'Verwacht 0 of meer.'),
})

function argsValidator<K extends InvokeCapability>(
  schema: z.ZodType<InvokeArgs<K>>,
): ArgsValidator<K> {
  return (args) => parseAt(schema, args, 'args')
}

/** One validator per invoke capability; main rejects a call whose arguments do not pass. */
export const validateIpcArgs: { readonly [K in InvokeCapability]: ArgsValidator<K> } = {
  appInfo: argsValidator<'appInfo'>(z.tuple([])),
  saveFile: argsValidator<'saveFile'>(z.tuple([saveFileRequest])),
  openFile: argsValidator<'openFile'>(z.tuple([openFileRequest])),
  notify: argsValidator<'notify'>(z.tuple([notifyRequest])),
  openExternal: argsValidator<'openExternal'>(z.tuple([urlSchema])),
  protectDataKey: argsValidator<'protectDataKey'>(z.tuple([dataKeySchema])),
  unprotectDataKey: argsValidator<'unprotectDataKey'>(z.tuple([wrappedKeySchema])),
  updateStatus: argsValidator<'updateStatus'>(z.tuple([])),
  installUpdate: argsValidator<'installUpdate'>(z.tuple([restartReadiness])),
  takeOpenedBackup: argsValidator<'takeOpenedBackup'>(z.tuple([])),
  setOverdueCount: argsValidator<'setOverdueCount'>(
    z.tuple([z.number({ error: 'Verwacht een aantal.' }).int().min(0).max(100_000)]),
  ),
}
