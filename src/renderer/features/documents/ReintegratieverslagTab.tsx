import { useEffect, useState } from 'react'
import {
  checkRivCompleteness,
  isFullySigned,
  missingSignatureRoles,
  RIV_ISSUE_SEVERITY_LABELS,
  RIV_PART_TITLES,
  SIGNATURE_ROLE_LABELS,
  type DossierExport,
  type RivCompleteness,
  type SignatureRole,
} from '../../../shared/documents'
import { buildMelding42 } from '../../../shared/documents/melding-42'
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  SIGNED_TYPES,
  type DocumentType,
  type StoredDocument,
} from '../../../shared/documents/stored'
import { employeeFullName } from '../../../shared/domain/entities'
import type { IsoDate } from '../../../shared/kernel/iso-date'
import { repos } from '../../app/services'
import { today } from '../../app/today'
import { showDate } from '../../components/format'
import type { DossierBundle } from '../../storage'
import { useDossierTimeline } from '../deadlines/use-dossier-timeline'
import { saveAuditedFile } from '../privacy/audit-events'
import { gateExport, MedicalFindings } from '../privacy/medical-gate'
import type { MedicalFinding } from '../../../shared/privacy/medical-text'
import { DocumentForm, type FormMode } from './DocumentForms'
import { buildDossierExport, documentDates, type DocumentDates } from './export-builder'
import type { GenerateRequest } from './generate'
import { loadGenerator, preloadGenerator } from './load-generator'
import { SignForm } from './SignForm'

const source = {
  attachmentContent: (id: string) => repos.attachments.getContent(id),
  signatureImage: (sha: string) => repos.documents.signatureImage(sha),
}

type Panel =
  | { readonly kind: 'form'; readonly target: FormMode }
  | { readonly kind: 'sign'; readonly doc: StoredDocument; readonly role: SignatureRole }
  | undefined

type Job = { readonly label: string; readonly done?: number; readonly total?: number }

const fileSlug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

const contentDate = (d: StoredDocument) => d.content['date'] as IsoDate | undefined
const author = (d: StoredDocument) => {
  const a = (d.content['author'] ?? {}) as { name?: string; function?: string }
  return [a.name, a.function].filter(Boolean).join(', ') || '—'
}

function docTitle(d: StoredDocument): string {
  if (d.type === 'plan-van-aanpak') {
    const v = Number(d.content['version'])
    return v === 1 ? 'Plan van Aanpak (versie 1)' : `Bijstelling Plan van Aanpak (versie ${v})`
  }
  if (d.type === 'probleemanalyse' && d.content['kind'] === 'bijstelling')
    return 'Bijstelling probleemanalyse'
  return DOCUMENT_TYPE_LABELS[d.type]
}

/**
 * The dossier's documents and the re-integratieverslag: write and sign each element, see what
 * is still missing before anything is sent, and make the PDFs and exports.
 */
export function ReintegratieverslagTab(props: { readonly bundle: DossierBundle }) {
  const { bundle } = props
  const timeline = useDossierTimeline(bundle)
  const dates: DocumentDates = documentDates(timeline)
  const [panel, setPanel] = useState<Panel>(undefined)
  const [check, setCheck] = useState<RivCompleteness | undefined>(undefined)
  const [job, setJob] = useState<Job | undefined>(undefined)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>(undefined)
  const [findings, setFindings] = useState<
    { readonly what: string; readonly list: readonly MedicalFinding[] } | undefined
  >(undefined)

  useEffect(() => preloadGenerator(), [])

  useEffect(() => {
    let live = true
    void buildDossierExport(bundle, source, {
      exportedAt: new Date(),
      withMedicalMetadata: true,
    }).then((r) => {
      if (live && r.ok) setCheck(checkRivCompleteness(r.value, today(), documentDates(timeline)))
    })
    return () => {
      live = false
    }
  }, [bundle, timeline])

  const sigsOf = (id: string) => bundle.documentSignatures.filter((s) => s.documentId === id)
  const plans = bundle.documents.filter((d) => d.type === 'plan-van-aanpak')
  const latestPlanId = [...plans]
    .sort((a, b) => Number(a.content['version']) - Number(b.content['version']))
    .at(-1)?.id
  const name = fileSlug(employeeFullName(bundle.employee))

  const exportFor = async (): Promise<DossierExport | undefined> => {
    const r = await buildDossierExport(bundle, source, { exportedAt: new Date() })
    if (r.ok) return r.value
    setMessage({ text: r.error.message, error: true })
    return undefined
  }

  const run = async (
    label: string,
    fileName: string,
    mimeType: string,
    make: (exp: DossierExport) => Promise<Uint8Array>,
  ) => {
    setMessage(undefined)
    setFindings(undefined)
    // No flagged text leaves while nobody reworded or confirmed it (docs/adr/0009).
    const refused = await gateExport([bundle])
    if (refused) {
      setFindings({ what: label, list: refused })
      return
    }
    setJob({ label })
    try {
      const exp = await exportFor()
      if (!exp) return
      const data = await make(exp)
      // Every document that leaves the app is in the audit trail (issue 6); the label names the
      // kind of document, never the person.
      const saved = await saveAuditedFile({
        suggestedName: fileName,
        mimeType,
        data,
        objectType: 'documents',
        dossierId: bundle.dossier.id,
        detail: label,
      })
      if (saved.saved)
        setMessage({ text: `${label} is opgeslagen${saved.path ? ` in ${saved.path}` : ''}.` })
    } catch (e) {
      setMessage({
        text: `${label} kon niet worden gemaakt: ${e instanceof Error ? e.message : String(e)}`,
        error: true,
      })
    } finally {
      setJob(undefined)
    }
  }

  const pdf = (label: string, fileName: string, req: GenerateRequest) =>
    run(
      label,
      fileName,
      req.kind === 'riv-bundel' ? 'application/zip' : 'application/pdf',
      async (exp) => {
        const g = await loadGenerator()
        return g.generateDocument(req, exp, dates, (done, total) => setJob({ label, done, total }))
      },
    )

  const pdfFor = (d: StoredDocument): (() => void) | undefined => {
    const date = contentDate(d) ?? today()
    switch (d.type) {
      case 'plan-van-aanpak':
        return () =>
          void pdf(docTitle(d), `${fileSlug(docTitle(d))}-${date}-${name}.pdf`, {
            kind: 'plan-van-aanpak',
            planId: d.id,
          })
      case 'evaluatie':
        return () =>
          void pdf('Evaluatie', `Evaluatie-${date}-${name}.pdf`, { kind: 'evaluatie', id: d.id })
      case 'eerstejaarsevaluatie':
        return () =>
          void pdf('Eerstejaarsevaluatie', `Eerstejaarsevaluatie-${date}-${name}.pdf`, {
            kind: 'eerstejaarsevaluatie',
          })
      case 'eindevaluatie':
        return () =>
          void pdf('Eindevaluatie', `Eindevaluatie-${date}-${name}.pdf`, { kind: 'eindevaluatie' })
      default:
        return undefined
    }
  }

  const status = (d: StoredDocument) => {
    if (!SIGNED_TYPES.has(d.type)) return 'Vastgelegd'
    const sigs = sigsOf(d.id)
    if (isFullySigned(sigs)) return 'Ondertekend (definitief)'
    if (sigs.length === 0) return 'Concept'
    return `Ondertekend door ${sigs.map((s) => SIGNATURE_ROLE_LABELS[s.role].toLowerCase()).join(', ')}`
  }

  const todayIso = today()
  const blocking = check?.issues.filter((i) => i.severity === 'blokkerend') ?? []
  const warnings = check?.issues.filter((i) => i.severity === 'waarschuwing') ?? []
  const later = check?.issues.filter((i) => i.severity === 'nog-niet-aan-de-orde') ?? []

  return (
    <div className="stack">
      <section className="card" aria-labelledby="riv-check-title">
        <header className="card__header">
          <h2 id="riv-check-title">Volledigheid re-integratieverslag</h2>
        </header>
        {!check ? (
          <p>Controleren…</p>
        ) : (
          <>
            <p className={check.complete ? 'badge badge--hersteld' : 'badge badge--warn'}>
              {check.complete
                ? 'Compleet: alle onderdelen zijn aanwezig, gedateerd en ondertekend.'
                : `Niet compleet: ${blocking.length} ${blocking.length === 1 ? 'punt' : 'punten'} om op te lossen vóór verzenden${
                    later.length > 0 ? `; ${later.length} nog niet aan de orde` : ''
                  }.`}
            </p>
            {check.issues.length > 0 ? (
              <ul className="riv-issues" aria-label="Wat ontbreekt">
                {[...blocking, ...warnings, ...later].map((i, n) => (
                  <li key={n} className={`riv-issue riv-issue--${i.severity}`}>
                    <strong>{RIV_PART_TITLES[i.part]}</strong>: {i.message}{' '}
                    <span className="badge">{RIV_ISSUE_SEVERITY_LABELS[i.severity]}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="docs-title">
        <header className="card__header">
          <h2 id="docs-title">Documenten van het dossier</h2>
        </header>
        <div className="button-row" role="group" aria-label="Nieuw document">
          {DOCUMENT_TYPES.map((type: DocumentType) =>
            type === 'plan-van-aanpak' && plans.length > 0 ? null : (
              <button
                key={type}
                type="button"
                className="button button--small"
                onClick={() => setPanel({ kind: 'form', target: { mode: 'new', type } })}
              >
                {type === 'plan-van-aanpak'
                  ? 'Plan van Aanpak opstellen'
                  : `${DOCUMENT_TYPE_LABELS[type]} toevoegen`}
              </button>
            ),
          )}
        </div>
        {panel?.kind === 'form' ? (
          <DocumentForm
            key={JSON.stringify(
              panel.target.mode === 'new' ? panel.target : panel.target.doc.id + panel.target.mode,
            )}
            bundle={bundle}
            dates={dates}
            target={panel.target}
            onDone={() => setPanel(undefined)}
          />
        ) : null}
        {panel?.kind === 'sign' ? (
          <SignForm
            key={panel.doc.id + panel.role}
            bundle={bundle}
            doc={panel.doc}
            role={panel.role}
            onDone={() => setPanel(undefined)}
          />
        ) : null}
        {bundle.documents.length === 0 ? (
          <p className="empty-hint">Nog geen documenten opgesteld.</p>
        ) : (
          <table className="table table--documents" aria-label="Documenten van het dossier">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Datum</th>
                <th scope="col">Opgesteld door</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bundle.documents.map((d) => {
                const sigs = sigsOf(d.id)
                const signed = isFullySigned(sigs)
                const makePdf = pdfFor(d)
                return (
                  <tr key={d.id} aria-label={docTitle(d)}>
                    <td>{docTitle(d)}</td>
                    <td>{showDate(contentDate(d))}</td>
                    <td>{author(d)}</td>
                    <td>
                      {status(d)}
                      {sigs.map((s) => (
                        <div key={s.id} className="field__hint">
                          {SIGNATURE_ROLE_LABELS[s.role]}: {s.name}, {s.function},{' '}
                          {showDate(s.signedAt)}
                        </div>
                      ))}
                    </td>
                    <td className="actions">
                      {sigs.length === 0 ? (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() =>
                            setPanel({ kind: 'form', target: { mode: 'edit', doc: d } })
                          }
                        >
                          Bewerken
                        </button>
                      ) : null}
                      {SIGNED_TYPES.has(d.type)
                        ? missingSignatureRoles(sigs).map((role) => (
                            <button
                              key={role}
                              type="button"
                              className="button button--small"
                              onClick={() => setPanel({ kind: 'sign', doc: d, role })}
                            >
                              Ondertekenen {SIGNATURE_ROLE_LABELS[role].toLowerCase()}
                            </button>
                          ))
                        : null}
                      {d.type === 'plan-van-aanpak' && signed && d.id === latestPlanId ? (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() =>
                            setPanel({ kind: 'form', target: { mode: 'amend', doc: d } })
                          }
                        >
                          Bijstellen
                        </button>
                      ) : null}
                      {makePdf ? (
                        <button
                          type="button"
                          className="button button--small"
                          disabled={job !== undefined}
                          onClick={makePdf}
                        >
                          PDF maken
                        </button>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="exports-title">
        <header className="card__header">
          <h2 id="exports-title">Re-integratieverslag en exports</h2>
        </header>
        <p className="field__hint">
          Exports bevatten nooit medische informatie: documenten die als medisch zijn gemarkeerd,
          gaan niet mee. Bekijk de volledigheid hierboven vóór u iets verstuurt.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={job !== undefined}
            onClick={() =>
              void pdf('Re-integratieverslag', `Re-integratieverslag-${todayIso}-${name}.pdf`, {
                kind: 're-integratieverslag',
              })
            }
          >
            Re-integratieverslag (PDF)
          </button>
          <button
            type="button"
            className="button"
            disabled={job !== undefined}
            onClick={() =>
              void pdf('RIV-bundel', `RIV-bundel-${todayIso}-${name}.zip`, {
                kind: 'riv-bundel',
                today: todayIso,
              })
            }
          >
            RIV-bundel (zip)
          </button>
          <button
            type="button"
            className="button"
            disabled={job !== undefined}
            onClick={() =>
              void pdf('Gegevens 42e-weeksmelding', `42e-weeksmelding-${name}.pdf`, {
                kind: '42e-weeksmelding',
              })
            }
          >
            42e-weeksmelding (PDF)
          </button>
          <button
            type="button"
            className="button"
            disabled={job !== undefined}
            onClick={() =>
              void run(
                'Gegevens 42e-weeksmelding (JSON)',
                `42e-weeksmelding-${name}.json`,
                'application/json',
                async (exp) =>
                  new TextEncoder().encode(JSON.stringify(buildMelding42(exp, dates), null, 2)),
              )
            }
          >
            42e-weeksmelding (JSON)
          </button>
          <button
            type="button"
            className="button"
            disabled={job !== undefined}
            onClick={() =>
              void run(
                'Dossierexport',
                `Dossier-${todayIso}-${name}.json`,
                'application/json',
                async (exp) => new TextEncoder().encode(JSON.stringify(exp, null, 1)),
              )
            }
          >
            Dossierexport (JSON)
          </button>
        </div>
        {job ? (
          <div role="status" className="job">
            <label>
              {job.label} wordt gemaakt…{' '}
              {job.total ? (
                <progress
                  value={job.done ?? 0}
                  max={job.total}
                  aria-label={`${job.label} voortgang`}
                />
              ) : (
                <progress aria-label={`${job.label} voortgang`} />
              )}
            </label>
          </div>
        ) : null}
        {message ? (
          <p
            role={message.error ? 'alert' : 'status'}
            className={message.error ? 'form-error' : 'field__hint'}
          >
            {message.text}
          </p>
        ) : null}
        {findings ? (
          <MedicalFindings what={findings.what} findings={findings.list} bundles={[bundle]} />
        ) : null}
      </section>
    </div>
  )
}
