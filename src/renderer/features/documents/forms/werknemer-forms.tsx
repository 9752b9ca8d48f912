import { employeeFullName } from '../../../../shared/domain/entities'
import { FreeTextField } from '../../../components/form-fields'
import type { DocumentFormKind } from './form-kind'

/** The elements about the werknemer: their function and skills, and their own oordeel. */

function FunctieEnBekwaamhedenFields() {
  return (
    <>
      <FreeTextField name="jobDescription" label="Functie en taken" required />
      <FreeTextField name="skills" label="Opleiding, ervaring en bekwaamheden" required />
    </>
  )
}

export const functieEnBekwaamhedenForm: DocumentFormKind = {
  title: 'Functie en bekwaamheden',
  defaults: (bundle) => ({ jobDescription: bundle.employee.jobTitle, skills: '' }),
  Fields: FunctieEnBekwaamhedenFields,
}

function OordeelWerknemerFields() {
  return (
    <FreeTextField
      name="text"
      label="Oordeel van de werknemer (eigen woorden; mag afwijken)"
      rows={8}
      required
    />
  )
}

/** Written by the werknemer: the werknemer is its author. */
export const oordeelWerknemerForm: DocumentFormKind = {
  title: 'Oordeel werknemer',
  defaults: (bundle) => ({
    author: { name: employeeFullName(bundle.employee), function: bundle.employee.jobTitle },
    text: '',
  }),
  Fields: OordeelWerknemerFields,
}
