import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import type { AppError, Result } from '../../shared/kernel/errors'
import { nl } from '../i18n/nl'
import { useReportUnsavedEdit } from '../platform/unsaved-edits'

/**
 * A react-hook-form bound to a shared schema: the same schema validates in the form (field
 * messages while typing) and in the repository (the boundary), so they can never disagree.
 */
export function useSchemaForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generic signature cannot follow a generic schema parameter.
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  // An open, changed form blocks a restart into an update (platform/unsaved-edits.ts).
  useReportUnsavedEdit(form.formState.isDirty)
  return form
}

/** The part of a form that receives errors; a method, so any form's typed setError fits. */
export type ErrorSink = {
  setError(
    name: string,
    error: { type: string; message: string },
    options?: { shouldFocus?: boolean },
  ): void
}

/** Shows a repository error at its field (or as a form error) and reports whether it saved. */
export function applyResult<T>(
  form: ErrorSink,
  result: Result<T, AppError>,
): result is { ok: true; value: T } {
  if (result.ok) return true
  const error = result.error
  if (error.kind === 'validation' && error.field) {
    const prefix = `${error.field}: `
    const message = error.message.startsWith(prefix)
      ? error.message.slice(prefix.length)
      : error.message
    form.setError(error.field, { type: 'server', message }, { shouldFocus: true })
  }
  form.setError('root', {
    type: 'server',
    message: error.kind === 'validation' ? nl.common.errorSummary : error.message,
  })
  return false
}
