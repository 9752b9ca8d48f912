import type { ComponentType } from 'react'
import type { DocumentType } from '../../../../shared/documents/stored'
import { employeeFullName } from '../../../../shared/domain/entities'
import type { IsoDate } from '../../../../shared/kernel/iso-date'
import { today } from '../../../app/today'
import { showDate } from '../../../components/format'
import type { DossierBundle } from '../../../storage'
import type { DocumentDates } from '../export-builder'
import { formDate } from '../form-values'

/**
 * What the document form needs to know about one kind of document: its title, the hint under
 * its date, its default values, and its own fields. Every form shares the frame around those
 * fields (date and author first, the copy handed to the werknemer last); see DocumentForms.tsx.
 */
export type FieldsProps = {
  readonly bundle: DossierBundle
  /** A bijstelling of a Plan van Aanpak (only the plan has one). */
  readonly amend: boolean
  /** The PDF chosen in the bedrijfsarts' picker, added as an attachment on save. */
  readonly onFile: (file: File | undefined) => void
}

export type DocumentFormKind = {
  readonly title: string
  readonly dateLabel?: string
  readonly dateHint?: (dates: DocumentDates) => string | undefined
  /** The values of a new document beyond date, author and handover (it may set its author). */
  readonly defaults: (bundle: DossierBundle, dates: DocumentDates) => Record<string, unknown>
  readonly Fields: ComponentType<FieldsProps>
  /** Kinds that take the bedrijfsarts' PDF: the title of the attachment it becomes. */
  readonly attachmentTitle?: string
}

/** Select options from a value list and its Dutch labels. */
export const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }))

/** The hint under a document's date: when it is due by this dossier's terms. */
export const due = (label: string, d: string | undefined) =>
  d
    ? `${label}: uiterlijk ${showDate(d as IsoDate)} (volgens de termijnen van dit dossier).`
    : undefined

/** Date, author and handover of a document made today by the dossier's casemanager. */
export const freshAuthorship = (bundle: DossierBundle) => ({
  date: formDate(today()),
  author: { name: bundle.dossier.casemanager, function: 'Casemanager' },
  handedToEmployeeOn: '',
})

/** The id of the dossier's latest document of a type, '' when it has none. */
export const latestDocumentId = (bundle: DossierBundle, type: DocumentType): string =>
  bundle.documents.filter((d) => d.type === type).at(-1)?.id ?? ''

/** The participants of an evaluation: the werknemer and the casemanager. */
export const defaultParticipants = (bundle: DossierBundle) =>
  `${employeeFullName(bundle.employee)}, ${bundle.dossier.casemanager}`
