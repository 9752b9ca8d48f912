import { useState } from 'react'
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_SOURCES,
  attachmentInputSchema,
  type Attachment,
} from '../../../shared/domain/entities'
import { dateInAmsterdam } from '../../../shared/kernel/iso-date'
import { refuseMedicalExport, saveAuditedFile } from '../privacy/audit-events'
import { repos } from '../../app/services'
import { CheckboxField, DateField, SelectField, TextField } from '../../components/form-fields'
import { editDate, showDate } from '../../components/format'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'

const label = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/-/g, ' ')
const sizeLabel = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`

/**
 * Documents received for the dossier (the non-medical, employer-facing versions of the
 * bedrijfsarts's reports), stored as PDF blobs on this computer.
 */
export function DocumentsTab(props: { readonly bundle: DossierBundle }) {
  const { dossier, attachments } = props.bundle
  const [adding, setAdding] = useState(false)
  const [file, setFile] = useState<File | undefined>(undefined)
  const [fileError, setFileError] = useState<string | undefined>(undefined)
  const [exportError, setExportError] = useState<string | undefined>(undefined)

  const save = async (values: unknown) => {
    if (!file) {
      setFileError('Kies een PDF-bestand.')
      return {
        ok: false as const,
        error: { kind: 'validation' as const, message: 'Kies een PDF-bestand.' },
      }
    }
    const data = new Uint8Array(await file.arrayBuffer())
    return repos.attachments.add(dossier.id, values, {
      name: file.name,
      mimeType: file.type || 'application/pdf',
      data,
    })
  }

  const download = async (a: Attachment) => {
    setExportError(undefined)
    const refused = await refuseMedicalExport([a], 'Opslaan van dit document', a.dossierId)
    if (refused) return setExportError(refused)
    const data = await repos.attachments.getContent(a.id)
    if (data)
      await saveAuditedFile({
        suggestedName: a.fileName,
        mimeType: a.mimeType,
        data,
        objectType: 'attachments',
        objectId: a.id,
        dossierId: a.dossierId,
      })
  }

  return (
    <section className="card" aria-labelledby="doc-title">
      <header className="card__header">
        <h2 id="doc-title">Documenten</h2>
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          Document toevoegen
        </button>
      </header>
      <p className="field__hint">
        Voeg alleen de niet-medische versie toe (bijvoorbeeld de probleemanalyse of het actueel
        oordeel voor de werkgever). Medische stukken gaan van de bedrijfsarts rechtstreeks naar UWV.
      </p>
      {adding ? (
        <RecordForm
          schema={attachmentInputSchema}
          label="Document toevoegen"
          submitLabel="Document opslaan"
          defaultValues={{
            title: '',
            source: 'bedrijfsarts',
            kind: 'probleemanalyse',
            receivedOn: editDate(dateInAmsterdam(new Date())),
            markedMedical: false,
          }}
          save={save}
          onSaved={() => {
            setAdding(false)
            setFile(undefined)
          }}
          onCancel={() => setAdding(false)}
        >
          <div className={`field${fileError ? ' field--error' : ''}`}>
            <label htmlFor="attachment-file">PDF-bestand</label>
            <input
              id="attachment-file"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0])
                setFileError(undefined)
              }}
            />
            {fileError ? (
              <p className="field__error" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <TextField name="title" label="Titel" required />
          <div className="form-row">
            <SelectField
              name="source"
              label="Afkomstig van"
              options={ATTACHMENT_SOURCES.map((v) => ({ value: v, label: label(v) }))}
            />
            <SelectField
              name="kind"
              label="Soort document"
              options={ATTACHMENT_KINDS.map((v) => ({ value: v, label: label(v) }))}
            />
          </div>
          <DateField name="receivedOn" label="Ontvangen op" required />
          <CheckboxField
            name="markedMedical"
            label="Bevat medische informatie"
            hint="Gemarkeerde documenten worden nooit meegenomen in exports of het re-integratieverslag."
          />
        </RecordForm>
      ) : null}
      {attachments.length === 0 && !adding ? (
        <p className="empty-hint">Nog geen documenten.</p>
      ) : null}
      {exportError ? (
        <p className="notice notice--error" role="alert">
          {exportError}
        </p>
      ) : null}
      {attachments.length > 0 ? (
        <table className="table" aria-label="Documenten">
          <thead>
            <tr>
              <th scope="col">Titel</th>
              <th scope="col">Soort</th>
              <th scope="col">Van</th>
              <th scope="col">Ontvangen</th>
              <th scope="col">Grootte</th>
              <th scope="col">
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.title}
                  {a.markedMedical ? <span className="badge badge--warn"> medisch</span> : null}
                </td>
                <td>{label(a.kind)}</td>
                <td>{label(a.source)}</td>
                <td>{showDate(a.receivedOn)}</td>
                <td>{sizeLabel(a.size)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void download(a)}
                  >
                    Opslaan als…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
