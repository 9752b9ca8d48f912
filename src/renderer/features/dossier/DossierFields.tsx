import { DOSSIER_STATUS_LABELS, DOSSIER_STATUSES } from '../../../shared/domain/entities'
import { CheckboxField, DateField, SelectField, TextField } from '../../components/form-fields'
import { ContactPersonFields } from './contact-fields'

const statusOptions = DOSSIER_STATUSES.map((s) => ({ value: s, label: DOSSIER_STATUS_LABELS[s] }))
const safetyNetOptions = [
  { value: 'onbekend', label: 'Onbekend' },
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
]

/** Dossier fields: casemanager, arbodienst, bedrijfsarts, status and the permitted yes/no facts. */
export function DossierFields(props: { readonly prefix?: string }) {
  const p = props.prefix ?? ''
  return (
    <>
      <fieldset>
        <legend>Dossier</legend>
        <div className="form-row">
          <TextField
            name={`${p}casemanager`}
            label="Casemanager"
            required
            hint="De casemanager die in het plan van aanpak wordt aangewezen"
          />
          <SelectField name={`${p}status`} label="Status dossier" options={statusOptions} />
        </div>
        <SelectField
          name={`${p}safetyNet`}
          label="Valt onder een vangnetregeling (Ziektewet)"
          options={safetyNetOptions}
          hint="Alleen óf er een vangnetregeling geldt, nooit welke."
        />
        <DateField
          name={`${p}loonsanctieDecisionOn`}
          label="Datum besluit loonsanctie UWV"
          hint="Alleen invullen als UWV een loonsanctie heeft opgelegd."
        />
        <DateField
          name={`${p}longTermExpectedOn`}
          label="Dreigend langdurig verzuim bekend sinds"
          hint="De verwachte duur, zoals de bedrijfsarts die meldt. Geen reden of diagnose."
        />
        <div className="form-row">
          <TextField
            name={`${p}voluntaryExtensionWeeks`}
            label="Vrijwillige verlenging loondoorbetaling (weken)"
            inputMode="numeric"
            hint="Alleen invullen als werkgever en werknemer samen verlenging afspreken (minimaal 13 weken)."
          />
          <DateField
            name={`${p}voluntaryExtensionRequestedOn`}
            label="Verlenging aangevraagd bij UWV op"
          />
        </div>
        <CheckboxField name={`${p}workAccident`} label="Verband met een arbeidsongeval" />
        <CheckboxField
          name={`${p}thirdPartyLiable`}
          label="Verkeersongeval met mogelijk aansprakelijke derde (regres)"
        />
      </fieldset>
      <ContactPersonFields prefix={`${p}arbodienst`} legend="Arbodienst" />
      <ContactPersonFields prefix={`${p}bedrijfsarts`} legend="Bedrijfsarts" />
    </>
  )
}
