import { MELDING_42_CHANNEL_LABELS, MELDING_42_CHANNELS } from '../../../../shared/documents'
import { SelectField, TextField } from '../../../components/form-fields'
import { due, opts, type DocumentFormKind } from './form-kind'

/**
 * The 42-week report as it was made (ZW art. 38 lid 1): on which day, by whom, through which
 * channel and with which UWV kenmerk. Its date closes the step `melding-uwv-42`, and the 42-week
 * sheet (PDF and JSON) shows it.
 */
function Melding42Fields() {
  return (
    <>
      <div className="form-row">
        <TextField name="reportedBy" label="Gemeld door" required />
        <SelectField
          name="channel"
          label="Gemeld via"
          placeholder="— kies —"
          options={opts(MELDING_42_CHANNELS, MELDING_42_CHANNEL_LABELS)}
        />
      </div>
      <TextField name="uwvKenmerk" label="Kenmerk van UWV (uit de bevestiging)" />
    </>
  )
}

export const melding42Form: DocumentFormKind = {
  title: '42e-weeksmelding vastleggen',
  dateLabel: 'Gemeld op',
  dateHint: (dates) => due('42e-weeksmelding', dates.reportDue),
  defaults: (bundle) => ({
    reportedBy: bundle.dossier.casemanager,
    channel: 'werkgeversportaal',
    uwvKenmerk: '',
  }),
  Fields: Melding42Fields,
}
