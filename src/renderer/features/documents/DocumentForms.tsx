import { useState } from 'react'
import {
  DOCUMENT_SCHEMAS,
  type DocumentType,
  type StoredDocument,
} from '../../../shared/documents/stored'
import type { AppError, Result } from '../../../shared/kernel/errors'
import { parseAnyDate } from '../../../shared/kernel/iso-date'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { RecordForm } from '../../components/RecordForm'
import type { DossierBundle } from '../../storage'
import type { DocumentDates } from './export-builder'
import { toFormValues } from './form-values'
import { bijstellingTitle, bijstellingValues, DOCUMENT_FORM_KINDS, freshAuthorship } from './forms'
import { AuthorFields, HandedOver } from './forms/shared-fields'

/**
 * The forms of the dossier documents, each bound to the shared schema of its type (the same
 * schema the repository, the export and the PDF renderers use). Every document records its date
 * and the name and function of who made it (vorm-beleidsregels art. 2 lid 3) and when its copy
 * was handed to the werknemer; every free-text field warns against medical language. The fields
 * of each kind are in ./forms.
 */

export type FormMode =
  | { readonly mode: 'new'; readonly type: DocumentType }
  | { readonly mode: 'edit'; readonly doc: StoredDocument }
  | { readonly mode: 'amend'; readonly doc: StoredDocument }

type Props = {
  readonly bundle: DossierBundle
  readonly dates: DocumentDates
  readonly target: FormMode
  readonly onDone: () => void
}

/** The form of one document: new, edit of an unsigned version, or a bijstelling of a plan. */
export function DocumentForm(props: Props) {
  const t = props.target
  const type = t.mode === 'new' ? t.type : t.doc.type
  const kind = DOCUMENT_FORM_KINDS[type]
  const [file, setFile] = useState<File | undefined>(undefined)
  const defaults =
    t.mode === 'new'
      ? {
          id: 'nieuw',
          ...freshAuthorship(props.bundle),
          ...kind.defaults(props.bundle, props.dates),
        }
      : t.mode === 'edit'
        ? toFormValues(t.doc.content)
        : bijstellingValues(t.doc, props.bundle)
  const label = t.mode === 'amend' ? bijstellingTitle(t.doc) : kind.title
  const dateHint = kind.dateHint?.(props.dates)

  const save = async (values: unknown): Promise<Result<unknown, AppError>> => {
    let content = values as Record<string, unknown>
    if (file && kind.attachmentTitle) {
      const date = parseAnyDate(String(content['date'] ?? '')) ?? today()
      const added = await repos.attachments.add(
        props.bundle.dossier.id,
        {
          title: kind.attachmentTitle,
          source: 'bedrijfsarts',
          kind: type,
          receivedOn: date,
          markedMedical: false,
        },
        { name: file.name, mimeType: file.type, data: new Uint8Array(await file.arrayBuffer()) },
      )
      if (!added.ok) {
        return {
          ok: false,
          error: { kind: 'validation', field: 'attachmentId', message: added.error.message },
        }
      }
      content = { ...content, attachmentId: added.value.id }
    }
    if (t.mode === 'new') return repos.documents.create(props.bundle.dossier.id, type, content)
    if (t.mode === 'edit') return repos.documents.update(t.doc.id, content)
    return repos.documents.amendPlan(
      t.doc.id,
      content,
      content['bijstelling'],
      (content['author'] ?? {}) as { name?: string; function?: string },
    )
  }

  return (
    <section className="card document-form" aria-label={label}>
      <h3>{label}</h3>
      <RecordForm
        schema={DOCUMENT_SCHEMAS[type]}
        label={label}
        submitLabel={t.mode === 'amend' ? 'Nieuwe versie opslaan' : 'Opslaan'}
        // The schema is chosen at run time; the defaults were built for that same type above.
        defaultValues={defaults as never}
        save={save}
        onSaved={props.onDone}
        onCancel={props.onDone}
      >
        <AuthorFields dateLabel={kind.dateLabel ?? 'Datum'} {...(dateHint ? { dateHint } : {})} />
        <kind.Fields bundle={props.bundle} amend={t.mode === 'amend'} onFile={setFile} />
        <HandedOver />
      </RecordForm>
    </section>
  )
}
