/**
 * One closed union of errors for every boundary (style.md rule 7): IPC, import, sync, CLI.
 * `field` is the dotted path of the offending field, so a form or a log line can name it.
 */
export type AppError =
  | { readonly kind: 'validation'; readonly message: string; readonly field?: string }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'unauthorized'; readonly message: string }
  | { readonly kind: 'internal'; readonly message: string }

export type Result<T, E = AppError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })
