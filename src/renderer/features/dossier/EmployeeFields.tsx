import { DateField, TextField } from '../../components/form-fields'

/** The werknemer's fields, under a name prefix (`employee.` in the new-dossier form, '' alone). */
export function EmployeeFields(props: { readonly prefix?: string }) {
  const p = props.prefix ?? ''
  return (
    <>
      <fieldset>
        <legend>Werknemer</legend>
        <div className="form-row form-row--3">
          <TextField name={`${p}firstName`} label="Voornaam" required />
          <TextField name={`${p}infix`} label="Tussenvoegsel" />
          <TextField name={`${p}lastName`} label="Achternaam" required />
        </div>
        <div className="form-row">
          <TextField
            name={`${p}bsn`}
            label="BSN"
            required
            inputMode="numeric"
            hint="9 cijfers, wordt gecontroleerd met de elfproef"
          />
          <DateField name={`${p}dateOfBirth`} label="Geboortedatum" required />
        </div>
        <div className="form-row">
          <TextField name={`${p}phone`} label="Telefoon" type="tel" />
          <TextField name={`${p}email`} label="E-mail" type="email" />
        </div>
      </fieldset>
      <fieldset>
        <legend>Adres werknemer</legend>
        <div className="form-row">
          <TextField name={`${p}address.street`} label="Straat werknemer" />
          <TextField name={`${p}address.houseNumber`} label="Huisnummer werknemer" />
        </div>
        <div className="form-row">
          <TextField name={`${p}address.postcode`} label="Postcode werknemer" />
          <TextField name={`${p}address.city`} label="Plaats werknemer" />
        </div>
      </fieldset>
      <fieldset>
        <legend>Dienstverband</legend>
        <div className="form-row">
          <TextField name={`${p}jobTitle`} label="Functie" required />
          <TextField
            name={`${p}contractHoursPerWeek`}
            label="Contracturen per week"
            required
            inputMode="decimal"
          />
        </div>
        <div className="form-row">
          <DateField name={`${p}employmentStart`} label="In dienst sinds" required />
          <DateField name={`${p}employmentEnd`} label="Uit dienst per" />
        </div>
      </fieldset>
    </>
  )
}

export const emptyEmployee = (employerId: string) => ({
  employerId,
  firstName: '',
  infix: '',
  lastName: '',
  bsn: '',
  dateOfBirth: '',
  address: { street: '', houseNumber: '', postcode: '', city: '' },
  phone: '',
  email: '',
  jobTitle: '',
  contractHoursPerWeek: '',
  employmentStart: '',
  employmentEnd: '',
})
