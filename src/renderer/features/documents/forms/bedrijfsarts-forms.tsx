import { WORK_POSSIBILITIES, WORK_POSSIBILITY_LABELS } from '../../../../shared/documents'
import { FreeTextField, SelectField } from '../../../components/form-fields'
import type { DossierBundle } from '../../../storage'
import { due, opts, type DocumentFormKind, type FieldsProps } from './form-kind'
import { BaPdfPicker, BedrijfsartsFields } from './shared-fields'

/**
 * The documents of the bedrijfsarts: the probleemanalyse (its non-medical part) and the actueel
 * oordeel. Each is made by the bedrijfsarts and may come with the bedrijfsarts' own PDF.
 */

const bedrijfsartsValues = (bundle: DossierBundle) => {
  const ba = bundle.dossier.bedrijfsarts.name ?? ''
  return {
    author: { name: ba, function: 'Bedrijfsarts' },
    bedrijfsarts: ba,
    arbodienst: bundle.dossier.arbodienst.organisation ?? '',
    attachmentId: '',
  }
}

function ProbleemanalyseFields(props: FieldsProps) {
  return (
    <>
      <SelectField
        name="kind"
        label="Soort"
        options={[
          { value: 'probleemanalyse', label: 'Probleemanalyse' },
          { value: 'bijstelling', label: 'Bijstelling probleemanalyse' },
        ]}
      />
      <BedrijfsartsFields />
      <SelectField
        name="workPossibilities"
        label="Benutbare mogelijkheden"
        placeholder="— kies —"
        options={opts(WORK_POSSIBILITIES, WORK_POSSIBILITY_LABELS)}
      />
      <FreeTextField
        name="functionalLimitations"
        label="Functionele beperkingen (in termen van mogelijkheden, geen diagnose)"
      />
      <FreeTextField
        name="expectedCourse"
        label="Verwacht verloop (duur, geen diagnose)"
        rows={2}
      />
      <FreeTextField name="advice" label="Advies over de re-integratie" />
      <BaPdfPicker bundle={props.bundle} onFile={props.onFile} />
    </>
  )
}

export const probleemanalyseForm: DocumentFormKind = {
  title: 'Probleemanalyse registreren',
  dateHint: (dates) => due('Probleemanalyse', dates.due?.probleemanalyse),
  defaults: (bundle) => ({
    kind: 'probleemanalyse',
    ...bedrijfsartsValues(bundle),
    workPossibilities: '',
  }),
  Fields: ProbleemanalyseFields,
  attachmentTitle: 'Probleemanalyse bedrijfsarts',
}

function ActueelOordeelFields(props: FieldsProps) {
  return (
    <>
      <BedrijfsartsFields />
      <FreeTextField name="course" label="Verloop van de re-integratie" />
      <FreeTextField name="functionalPossibilities" label="Belastbaarheid (mogelijkheden)" />
      <FreeTextField
        name="employmentRelationshipView"
        label="Oordeel bedrijfsarts over de arbeidsrelatie"
        rows={2}
      />
      <FreeTextField
        name="suitableWorkView"
        label="Oordeel bedrijfsarts over passende arbeid"
        rows={2}
      />
      <BaPdfPicker bundle={props.bundle} onFile={props.onFile} />
    </>
  )
}

export const actueelOordeelForm: DocumentFormKind = {
  title: 'Actueel oordeel registreren',
  dateHint: (dates) => due('Actueel oordeel', dates.actueelOordeelDue),
  defaults: bedrijfsartsValues,
  Fields: ActueelOordeelFields,
  attachmentTitle: 'Actueel oordeel bedrijfsarts',
}
