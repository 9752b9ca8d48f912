import { FormProvider } from 'react-hook-form'
import { employerInputSchema, type Employer } from '../../../shared/domain/entities'
import { POLICY_PROFILE_IDS, POLICY_PROFILE_LABELS } from '../../../shared/domain/policy-profile'
import { formatDutchDate } from '../../../shared/kernel/iso-date'
import { repos } from '../../app/services'
import { CheckboxField, DateField, SelectField, TextField } from '../../components/form-fields'
import { FormErrorSummary } from '../../components/FormErrorSummary'
import { applyResult, useSchemaForm } from '../../components/use-schema-form'
import { nl } from '../../i18n/nl'

const profileOptions = POLICY_PROFILE_IDS.map((id) => ({
  value: id,
  label: POLICY_PROFILE_LABELS[id],
}))

function defaults(e?: Employer) {
  return {
    name: e?.name ?? '',
    kvkNumber: e?.kvkNumber ?? '',
    loonheffingennummer: e?.loonheffingennummer ?? '',
    address: {
      street: e?.address.street ?? '',
      houseNumber: e?.address.houseNumber ?? '',
      postcode: e?.address.postcode ?? '',
      city: e?.address.city ?? '',
    },
    contactPerson: {
      organisation: e?.contactPerson.organisation ?? '',
      name: e?.contactPerson.name ?? '',
      phone: e?.contactPerson.phone ?? '',
      email: e?.contactPerson.email ?? '',
    },
    policyProfile: e?.policyProfile ?? 'wettelijk',
    moduleStartDate: e?.moduleStartDate ? formatDutchDate(e.moduleStartDate) : '',
    eigenrisicodragerZw: e?.eigenrisicodragerZw ?? false,
  }
}

/** Create or edit a werkgever (issue 2: name, KvK, loonheffingennummer, address, contact, profile). */
export function EmployerForm(props: {
  readonly employer?: Employer
  readonly onSaved: (employer: Employer) => void
  readonly onCancel?: () => void
}) {
  const form = useSchemaForm(employerInputSchema, defaults(props.employer))
  const submit = form.handleSubmit(async () => {
    const values = form.getValues()
    const result = props.employer
      ? await repos.employers.update(props.employer.id, values)
      : await repos.employers.create(values)
    if (applyResult(form, result)) props.onSaved(result.value)
  })
  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={submit} noValidate aria-label="Werkgever">
        <fieldset>
          <legend>Werkgever</legend>
          <TextField name="name" label="Naam werkgever" required autoComplete="organization" />
          <div className="form-row">
            <TextField name="kvkNumber" label="KvK-nummer" inputMode="numeric" />
            <TextField
              name="loonheffingennummer"
              label="Loonheffingennummer"
              hint="Bijvoorbeeld 123456789L01"
            />
          </div>
          <div className="form-row">
            <SelectField
              name="policyProfile"
              label="Polisprofiel"
              options={profileOptions}
              required
            />
            <DateField name="moduleStartDate" label="Ingangsdatum module" />
          </div>
          <CheckboxField name="eigenrisicodragerZw" label="Eigenrisicodrager Ziektewet" />
        </fieldset>
        <fieldset>
          <legend>Adres</legend>
          <div className="form-row">
            <TextField name="address.street" label="Straat" />
            <TextField name="address.houseNumber" label="Huisnummer" />
          </div>
          <div className="form-row">
            <TextField name="address.postcode" label="Postcode" />
            <TextField name="address.city" label="Plaats" />
          </div>
        </fieldset>
        <fieldset>
          <legend>Contactpersoon</legend>
          <div className="form-row">
            <TextField name="contactPerson.name" label="Naam contactpersoon" />
            <TextField name="contactPerson.phone" label="Telefoon contactpersoon" type="tel" />
          </div>
          <TextField name="contactPerson.email" label="E-mail contactpersoon" type="email" />
        </fieldset>
        <FormErrorSummary />
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={form.formState.isSubmitting}
          >
            {form.formState.isSubmitting ? nl.common.saving : 'Werkgever opslaan'}
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
