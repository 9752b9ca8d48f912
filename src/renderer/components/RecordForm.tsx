import type { ReactNode } from 'react'
import { FormProvider, type DefaultValues, type FieldValues } from 'react-hook-form'
import type { z } from 'zod'
import type { AppError, Result } from '../../shared/kernel/errors'
import { nl } from '../i18n/nl'
import { FormErrorSummary } from './FormErrorSummary'
import { applyResult, useSchemaForm } from './use-schema-form'

/**
 * One form for one record: validates with the shared schema, saves through a repository call,
 * shows the repository's error at its field, and resets after a successful "add".
 */
export function RecordForm<S extends z.ZodType<unknown, FieldValues>>(props: {
  readonly schema: S
  readonly defaultValues: DefaultValues<z.input<S>>
  readonly save: (values: unknown) => Promise<Result<unknown, AppError>>
  readonly onSaved?: () => void
  readonly submitLabel: string
  readonly label: string
  readonly resetOnSave?: boolean
  readonly onCancel?: () => void
  readonly children: ReactNode
}) {
  const form = useSchemaForm(props.schema, props.defaultValues)
  const submit = form.handleSubmit(async () => {
    const result = await props.save(form.getValues())
    if (!applyResult(form, result)) return
    if (props.resetOnSave) form.reset(props.defaultValues)
    props.onSaved?.()
  })
  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={submit} noValidate aria-label={props.label}>
        {props.children}
        <FormErrorSummary />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={form.formState.isSubmitting}
          >
            {form.formState.isSubmitting ? nl.common.saving : props.submitLabel}
          </button>
          {props.onCancel ? (
            <button type="button" className="button" onClick={props.onCancel}>
              {nl.common.cancel}
            </button>
          ) : null}
        </div>
      </form>
    </FormProvider>
  )
}
