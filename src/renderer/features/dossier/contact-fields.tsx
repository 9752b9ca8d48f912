import { TextField } from '../../components/form-fields'

/** Organisation, name, phone and e-mail of a party (arbodienst, bedrijfsarts). */
export function ContactPersonFields(props: { readonly prefix: string; readonly legend: string }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="form-row">
        <TextField
          name={`${props.prefix}.organisation`}
          label={`Organisatie (${props.legend.toLowerCase()})`}
        />
        <TextField name={`${props.prefix}.name`} label={`Naam (${props.legend.toLowerCase()})`} />
      </div>
      <div className="form-row">
        <TextField
          name={`${props.prefix}.phone`}
          label={`Telefoon (${props.legend.toLowerCase()})`}
          type="tel"
        />
        <TextField
          name={`${props.prefix}.email`}
          label={`E-mail (${props.legend.toLowerCase()})`}
          type="email"
        />
      </div>
    </fieldset>
  )
}

export const emptyContact = { organisation: '', name: '', phone: '', email: '' }
