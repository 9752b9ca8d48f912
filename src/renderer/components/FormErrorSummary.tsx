import { useFormContext } from 'react-hook-form'
import { nl } from '../i18n/nl'

/** A summary above the buttons when saving failed; the detail is at each field. */
export function FormErrorSummary() {
  const { formState } = useFormContext()
  const hasFieldErrors = Object.keys(formState.errors).some((k) => k !== 'root')
  const rootMessage = formState.errors.root?.message
  if (!hasFieldErrors && !rootMessage) return null
  return (
    <p className="form-error" role="alert">
      {rootMessage ?? nl.common.errorSummary}
    </p>
  )
}
