import { useRef, useState, type Ref } from 'react'
import { useFormContext } from 'react-hook-form'
import {
  SIGNATURE_KINDS,
  SIGNATURE_KIND_LABELS,
  SIGNATURE_ROLE_LABELS,
  type SignatureRole,
} from '../../../shared/documents'
import { signatureInputSchema, type StoredDocument } from '../../../shared/documents/stored'
import { employeeFullName } from '../../../shared/domain/entities'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { DateField, FreeTextField, SelectField, TextField } from '../../components/form-fields'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'
import { formDate } from './form-values'
import { SignaturePad, type SignaturePadHandle } from './SignaturePad'

/** Signing one version on screen: name, function and date of the signatory and the drawing. */
export function SignForm(props: {
  readonly bundle: DossierBundle
  readonly doc: StoredDocument
  readonly role: SignatureRole
  readonly onDone: () => void
}) {
  const pad = useRef<SignaturePadHandle>(null)
  const [padError, setPadError] = useState<string | undefined>(undefined)
  const { employee, employer } = props.bundle
  const who =
    props.role === 'werknemer'
      ? { name: employeeFullName(employee), function: employee.jobTitle }
      : { name: employer.contactPerson.name ?? '', function: '' }
  const label = `Ondertekenen door de ${SIGNATURE_ROLE_LABELS[props.role].toLowerCase()}`
  return (
    <section className="card document-form" aria-label={label}>
      <h3>{label}</h3>
      <RecordForm
        schema={signatureInputSchema}
        label={label}
        submitLabel="Ondertekenen"
        defaultValues={{
          documentId: props.doc.id,
          role: props.role,
          name: who.name,
          function: who.function,
          signedAt: formDate(today()),
          kind: 'akkoord',
          reaction: '',
        }}
        save={async (values) => {
          const png = await pad.current?.toPng()
          if (!png) {
            setPadError('Zet eerst een handtekening in het vak.')
            return {
              ok: false,
              error: {
                kind: 'validation',
                field: 'image',
                message: 'Zet eerst een handtekening in het vak.',
              },
            }
          }
          setPadError(undefined)
          return repos.documents.sign(values, png)
        }}
        onSaved={props.onDone}
        onCancel={props.onDone}
      >
        <div className="form-row form-row--3">
          <TextField name="name" label="Naam ondertekenaar" required />
          <TextField name="function" label="Functie ondertekenaar" required />
          <DateField name="signedAt" label="Datum ondertekening" required />
        </div>
        <SelectField
          name="kind"
          label="Ondertekend"
          options={SIGNATURE_KINDS.map((k) => ({ value: k, label: SIGNATURE_KIND_LABELS[k] }))}
        />
        <FreeTextField name="reaction" label="Reactie (bij 'voor gezien')" rows={2} />
        <div className={`field${padError ? ' field--error' : ''}`}>
          <p className="field__label">
            Handtekening {SIGNATURE_ROLE_LABELS[props.role].toLowerCase()}
          </p>
          <InkedPad
            padRef={pad}
            label={`Handtekening ${SIGNATURE_ROLE_LABELS[props.role].toLowerCase()}`}
            onInk={() => setPadError(undefined)}
          />
          {padError ? (
            <p className="field__error" role="alert">
              {padError}
            </p>
          ) : null}
        </div>
      </RecordForm>
    </section>
  )
}

/** The pad inside the form: drawing clears the earlier "sign first" error and the form's summary. */
function InkedPad(props: {
  readonly padRef: Ref<SignaturePadHandle>
  readonly label: string
  readonly onInk: () => void
}) {
  const { clearErrors } = useFormContext()
  return (
    <SignaturePad
      ref={props.padRef}
      label={props.label}
      onInk={() => {
        props.onInk()
        clearErrors(['image', 'root'])
      }}
    />
  )
}
