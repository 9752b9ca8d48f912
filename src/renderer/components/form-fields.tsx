import { useId, useState, type ReactNode } from 'react'
import { get, useFormContext, useWatch, type FieldError } from 'react-hook-form'
import { textFingerprint } from '../../shared/privacy/medical-text'
import { isFreeTextField } from '../../shared/domain/free-text'
import { medicalWarning, NO_MEDICAL_INFO_HINT } from '../../shared/domain/privacy'
import { nl } from '../i18n/nl'

/**
 * Form controls bound to the surrounding react-hook-form context. Each has a visible label, its
 * error at the field (aria-invalid + aria-describedby), and an optional hint.
 */
type BaseProps = {
  readonly name: string
  readonly label: string
  readonly hint?: string
  readonly required?: boolean
}

function useFieldState(name: string) {
  const { register, formState } = useFormContext()
  const error = get(formState.errors, name) as FieldError | undefined
  return { register, error }
}

function FieldShell(props: {
  readonly id: string
  readonly label: string
  readonly hint?: ReactNode
  readonly error?: FieldError
  readonly required?: boolean
  readonly children: ReactNode
  readonly warning?: string
  readonly confirm?: ReactNode
}) {
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.children}
      {props.hint ? (
        <p className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.warning ? (
        <p className="field__warning" role="status" id={`${props.id}-warning`}>
          {props.warning}
        </p>
      ) : null}
      {props.confirm}
      {props.error?.message ? (
        <p className="field__error" role="alert" id={`${props.id}-error`}>
          {props.error.message}
        </p>
      ) : null}
    </div>
  )
}

function describedBy(id: string, hint: unknown, error: unknown, warning?: unknown) {
  return (
    [hint ? `${id}-hint` : '', warning ? `${id}-warning` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined
  )
}

type InputProps = {
  readonly type: 'text' | 'email' | 'tel' | 'datetime-local'
  readonly inputMode?: 'numeric' | 'decimal' | 'text'
  readonly autoComplete?: string
  readonly placeholder?: string
  readonly maxLength?: number
  readonly className?: string
}

/**
 * The medical-language warning for a text field that is free text by its schema key
 * (free-text.ts: an appointment's "met wie", an intervention's provider, a document title).
 */
function useMedicalWarning(name: string, applies: boolean): string | undefined {
  const { control } = useFormContext()
  const value = useWatch({ control, name, disabled: !applies }) as unknown
  return applies && typeof value === 'string' ? medicalWarning(value) : undefined
}

/**
 * The explicit choice a flagged text needs before it can be saved (docs/adr/0009): reword it, or
 * tick "Dit is geen medische informatie". The tick is stored in the form value `nonMedical` as the
 * fingerprint of exactly this text, so any later edit unticks it.
 */
function MedicalChoice(props: { readonly name: string; readonly text: string }) {
  const id = useId()
  const { getValues, setValue } = useFormContext()
  // Re-rendered by the field's own watch when the text changes; `ticks` after a click.
  const [, setTicks] = useState(0)
  const confirmations = (getValues('nonMedical') ?? {}) as Record<string, string>
  const hash = textFingerprint(props.text)
  const checked = confirmations[props.name] === hash
  return (
    <div className="field--checkbox field__confirm">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          const next = { ...confirmations }
          if (e.target.checked) next[props.name] = hash
          else delete next[props.name]
          setValue('nonMedical', Object.keys(next).length > 0 ? next : undefined)
          setTicks((n) => n + 1)
        }}
      />
      <label htmlFor={id}>Dit is geen medische informatie (bijvoorbeeld een interventie)</label>
    </div>
  )
}

/** One labelled input bound to the form; the named fields below only choose its kind. */
function InputField(props: BaseProps & InputProps) {
  const id = useId()
  const { register, error } = useFieldState(props.name)
  const applies = props.type === 'text' && isFreeTextField(props.name)
  const warning = useMedicalWarning(props.name, applies)
  const { control } = useFormContext()
  const value = useWatch({ control, name: props.name, disabled: !applies }) as unknown
  return (
    <FieldShell
      id={id}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
      warning={warning}
      confirm={
        warning && typeof value === 'string' ? (
          <MedicalChoice name={props.name} text={value} />
        ) : undefined
      }
    >
      <input
        id={id}
        type={props.type}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        className={props.className}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error, warning)}
        {...register(props.name)}
      />
    </FieldShell>
  )
}

export function TextField(
  props: BaseProps & {
    readonly type?: 'text' | 'email' | 'tel'
    readonly inputMode?: 'numeric' | 'decimal' | 'text'
    readonly autoComplete?: string
  },
) {
  return <InputField {...props} type={props.type ?? 'text'} />
}

/** A calendar date typed and shown as dd-mm-jjjj. */
export function DateField(props: BaseProps) {
  return (
    <InputField
      {...props}
      type="text"
      inputMode="numeric"
      placeholder={nl.common.datePlaceholder}
      maxLength={10}
      className="input--date"
    />
  )
}

export function DateTimeField(props: BaseProps) {
  return <InputField {...props} type="datetime-local" />
}

export function SelectField(
  props: BaseProps & {
    readonly options: readonly { readonly value: string; readonly label: string }[]
    readonly placeholder?: string
  },
) {
  const id = useId()
  const { register, error } = useFieldState(props.name)
  return (
    <FieldShell
      id={id}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
    >
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        {...register(props.name)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

export function CheckboxField(props: BaseProps) {
  const id = useId()
  const { register, error } = useFieldState(props.name)
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        aria-describedby={describedBy(id, props.hint, error)}
        {...register(props.name)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

/**
 * Free text: always shows the "geen medische informatie" hint (domain §5.5 item 1) and a
 * non-blocking warning as soon as the text looks medical.
 */
export function FreeTextField(props: BaseProps & { readonly rows?: number }) {
  const id = useId()
  const { register, error } = useFieldState(props.name)
  const { control } = useFormContext()
  const value = useWatch({ control, name: props.name }) as string | undefined
  const warning = medicalWarning(value)
  return (
    <FieldShell
      id={id}
      label={props.label}
      hint={NO_MEDICAL_INFO_HINT}
      error={error}
      required={props.required}
      warning={warning}
      confirm={warning && value ? <MedicalChoice name={props.name} text={value} /> : undefined}
    >
      <textarea
        id={id}
        rows={props.rows ?? 4}
        // Also keeps Chromium from saving the text with the page's form state (docs/adr/0008).
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-required={props.required ? true : undefined}
        aria-describedby={describedBy(id, true, error, warning)}
        {...register(props.name)}
      />
    </FieldShell>
  )
}
