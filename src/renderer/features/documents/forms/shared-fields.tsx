import { useFormContext } from 'react-hook-form'
import type { DocumentType } from '../../../../shared/documents/stored'
import type { IsoDate } from '../../../../shared/kernel/iso-date'
import { DateField, FreeTextField, SelectField, TextField } from '../../../components/form-fields'
import { showDate } from '../../../components/format'
import type { DossierBundle } from '../../../storage'

/** Field groups that several document forms share. */

export function AuthorFields(props: { readonly dateLabel: string; readonly dateHint?: string }) {
  return (
    <fieldset className="fieldset">
      <legend>Datum en opsteller</legend>
      <div className="form-row form-row--3">
        <DateField
          name="date"
          label={props.dateLabel}
          {...(props.dateHint ? { hint: props.dateHint } : {})}
        />
        <TextField name="author.name" label="Naam opsteller" />
        <TextField name="author.function" label="Functie opsteller" />
      </div>
    </fieldset>
  )
}

export function HandedOver() {
  return (
    <DateField
      name="handedToEmployeeOn"
      label="Afschrift aan de werknemer gegeven op"
      hint="De werknemer heeft uiterlijk in week 91 een afschrift van elk onderdeel."
    />
  )
}

/** The bedrijfsarts and the arbodienst who made a document of the bedrijfsarts. */
export function BedrijfsartsFields() {
  return (
    <div className="form-row">
      <TextField name="bedrijfsarts" label="Bedrijfsarts" required />
      <TextField name="arbodienst" label="Arbodienst" />
    </div>
  )
}

/** A PDF from the bedrijfsarts, added to the dossier's documents and linked to this record. */
export function BaPdfPicker(props: {
  readonly bundle: DossierBundle
  readonly onFile: (file: File | undefined) => void
}) {
  const usable = props.bundle.attachments.filter((a) => !a.markedMedical)
  return (
    <fieldset className="fieldset">
      <legend>Document van de bedrijfsarts (PDF)</legend>
      <SelectField
        name="attachmentId"
        label="Bestaand document"
        placeholder="— geen —"
        options={usable.map((a) => ({
          value: a.id,
          label: `${a.title} (${showDate(a.receivedOn)})`,
        }))}
        hint="Documenten die als medisch zijn gemarkeerd, kunnen niet worden gekoppeld."
      />
      <div className="field">
        <label htmlFor="ba-pdf">Of voeg de PDF van de bedrijfsarts toe</label>
        <input
          id="ba-pdf"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => props.onFile(e.target.files?.[0])}
        />
      </div>
    </fieldset>
  )
}

/** A choice among the dossier's earlier documents of one type, each shown with its date. */
export function EarlierDocumentField(props: {
  readonly bundle: DossierBundle
  readonly type: DocumentType
  readonly name: string
  readonly label: string
  /** What each option says before the document's date. */
  readonly optionLabel: string
}) {
  return (
    <SelectField
      name={props.name}
      label={props.label}
      placeholder="— kies —"
      options={props.bundle.documents
        .filter((d) => d.type === props.type)
        .map((d) => ({
          value: d.id,
          label: `${props.optionLabel} ${showDate(d.content['date'] as IsoDate | undefined)}`,
        }))}
    />
  )
}

export function ParticipantsField() {
  return <FreeTextField name="participants" label="Deelnemers" rows={1} required />
}

export function CheckboxGroup(props: {
  readonly name: string
  readonly legend: string
  readonly options: readonly { value: string; label: string }[]
}) {
  const { register } = useFormContext()
  return (
    <fieldset className="fieldset">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="field field--checkbox">
          <input type="checkbox" value={o.value} {...register(props.name)} /> {o.label}
        </label>
      ))}
    </fieldset>
  )
}
