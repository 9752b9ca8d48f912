import { employeeFullName } from '../../shared/domain/entities'
import { parseHlc, type SyncChange } from '../../shared/sync'
import { appendAudit, auditScope } from './audit'
import { DATA_TABLES, type HervatDb } from './db'
import type { StoreContext } from './write'

/**
 * A dossier reassigned away from this casemanager (docs/adr/0005, "Dossier transferred away"):
 * the server lists it in a pull's `revoked`, and it leaves this device with everything that
 * belongs to it. Changes to it that were not sent yet are refused by the server (403); they are
 * kept aside here, encrypted, as a visible notice with an export, so no edit is silently lost and
 * the rest of the outbox keeps syncing.
 */

/**
 * Why the server refused a change for good (docs/adr/0005, "Refused changes"): its dossier was
 * transferred to another casemanager; it changes a document version both parties signed; it
 * changes a record that cannot change any more (append-only: a contactmoment, a signature); the
 * server finds its value invalid; this user may not change that record; or the server failed on
 * this one change again and again while it answered everything else (`serverfout`).
 */
export type RefusalReason =
  'transferred' | 'signed-version' | 'append-only' | 'invalid' | 'forbidden' | 'serverfout'

/** Dutch, for the notice and the export: why, and what the user can do about it. */
export const REFUSAL_TEXT: Record<
  RefusalReason,
  { readonly title: string; readonly advice: string }
> = {
  transferred: {
    title: 'Dossier overgedragen aan een andere casemanager',
    advice:
      'Het dossier is van deze computer verwijderd. Geef de wijzigingen door aan de nieuwe casemanager of uw teamleider.',
  },
  'signed-version': {
    title: 'Ondertekende documentversie',
    advice:
      'Werkgever en werknemer hebben deze versie ondertekend; die verandert niet meer. Op de server en andere computers staat de ondertekende tekst, op deze computer nog uw tekst. Maak een bijstelling (een nieuwe versie) met deze wijziging.',
  },
  'append-only': {
    title: 'Record dat niet meer kan worden gewijzigd',
    advice:
      'Een contactmoment, bijlage of handtekening ligt vast zodra de server het heeft. Leg de aanvulling of correctie vast als een nieuw record.',
  },
  invalid: {
    title: 'Ongeldige waarde',
    advice:
      'De server neemt deze waarde niet aan. Pas het veld aan en sla het opnieuw op; de nieuwe waarde wordt gewoon verstuurd.',
  },
  forbidden: {
    title: 'Geen rechten op dit record',
    advice: 'U mag dit record niet (meer) wijzigen. Overleg met uw teamleider.',
  },
  serverfout: {
    title: 'Serverfout bij deze wijziging',
    advice:
      'De server kon deze wijziging herhaaldelijk niet verwerken, terwijl de rest gewoon aankwam. Exporteer de wijziging en meld het aan uw beheerder; de andere wijzigingen worden gewoon verstuurd.',
  },
}

/** A change the server refused permanently; kept aside (encrypted) until exported. */
export type RefusedChangeRow = {
  /** The change's own id. */
  readonly id: string
  readonly dossierId: string | null
  readonly change: SyncChange
  readonly refusedAt: string
  readonly reason: RefusalReason
  /** The server's error code and Dutch message (absent for a transferred dossier's changes). */
  readonly serverCode?: string
  readonly serverMessage?: string
}

export type Removal = {
  readonly dossierId: string
  /** Local records removed (the dossier, its children, its werknemer if no other dossier's). */
  readonly records: number
  /** Unsent changes moved aside. */
  readonly refused: number
}

/** The dossier's own child tables (every data table with a `dossierId`). */
const CHILD_TABLES = DATA_TABLES.filter((t) => !['employers', 'employees', 'dossiers'].includes(t))

/** Every table `removeTransferredDossier` touches, for the caller's read-write transaction. */
export const removalScope = (db: HervatDb) => [
  ...DATA_TABLES.map((t) => db.table(t)),
  db.blobs,
  db.changes,
  db.refusedChanges,
  ...auditScope(db),
]

type Row = { id: string; sha256?: unknown }

/**
 * Removes one transferred dossier from this device: the dossier, its sick periods, contacts,
 * interventions, appointments, leaves, partial recoveries, milestone marks, documents,
 * signatures and attachments (and attachment contents no other attachment uses), its werknemer
 * when no other dossier here is theirs, their change log entries and sync field states; moves the
 * dossier's (and that werknemer's) unsent outbox changes to `refusedChanges`; and appends one
 * audit entry. No sync change is recorded for any of it (the server's copy is the new
 * casemanager's). Call ONLY inside a read-write transaction over `removalScope(db)`. Returns
 * null when nothing of the dossier was on this device.
 */
export async function removeTransferredDossier(
  ctx: StoreContext,
  dossierId: string,
): Promise<Removal | null> {
  const { db } = ctx
  const dossier = await db.dossiers.get(dossierId)
  let records = 0
  const shas = new Set<string>()
  for (const t of CHILD_TABLES) {
    const rows = (await db.table(t).where('dossierId').equals(dossierId).toArray()) as Row[]
    for (const r of rows) if (typeof r.sha256 === 'string') shas.add(r.sha256)
    await db.table(t).bulkDelete(rows.map((r) => r.id))
    records += rows.length
  }
  if (dossier) {
    await db.dossiers.delete(dossierId)
    records++
  }
  for (const sha of shas)
    if ((await db.attachments.where('sha256').equals(sha).count()) === 0) await db.blobs.delete(sha)

  // The werknemer (BSN, address) was reachable only through this dossier, unless another is theirs.
  const employeeId = dossier?.employeeId
  const dropEmployee =
    employeeId !== undefined &&
    (await db.dossiers.where('employeeId').equals(employeeId).count()) === 0 &&
    (await db.employees.get(employeeId)) !== undefined
  if (dropEmployee) {
    await db.employees.delete(employeeId)
    records++
  }

  const changeIds = await db.changes.where('dossierId').equals(dossierId).primaryKeys()
  const stateKeys = await db.fieldStates.where('dossierId').equals(dossierId).primaryKeys()
  const unsent = await db.outbox.where('dossierId').equals(dossierId).toArray()
  if (dropEmployee) {
    changeIds.push(...(await db.changes.where('recordId').equals(employeeId).primaryKeys()))
    stateKeys.push(
      ...(await db.fieldStates
        .where('[table+recordId]')
        .equals(['employees', employeeId])
        .primaryKeys()),
    )
    // Werknemers are organisation records (no dossier index): the outbox is small, read it all.
    unsent.push(
      ...(await db.outbox.toArray()).filter(
        (c) => c.table === 'employees' && c.recordId === employeeId,
      ),
    )
  }
  await db.changes.bulkDelete(changeIds)
  await db.fieldStates.bulkDelete(stateKeys)
  const refusedAt = ctx.clock().toISOString()
  await db.refusedChanges.bulkPut(
    unsent.map((change) => ({
      id: change.id,
      dossierId: change.dossierId ?? dossierId,
      change,
      refusedAt,
      reason: 'transferred' as const,
    })),
  )
  await db.outbox.bulkDelete(unsent.map((c) => c.id))
  if (records === 0 && unsent.length === 0 && changeIds.length === 0 && stateKeys.length === 0)
    return null
  await appendAudit(ctx, {
    action: 'transfer',
    objectType: 'dossiers',
    objectId: dossierId,
    dossierId,
    detail:
      `Dossier overgedragen aan een andere casemanager: ${records} records van dit apparaat verwijderd` +
      (unsent.length > 0 ? `, ${unsent.length} niet-verstuurde wijzigingen apart gezet` : ''),
  })
  return { dossierId, records, refused: unsent.length }
}

const hlcIso = (hlc: string): string | null => {
  const p = parseHlc(hlc)
  return p ? new Date(p.wallMs).toISOString() : null
}

/** The refused changes: count, list, export (audited) and discard. */
export function refusedChangesRepository(ctx: StoreContext) {
  const { db } = ctx
  const list = async (): Promise<RefusedChangeRow[]> =>
    (await db.refusedChanges.toArray()).sort((a, b) =>
      a.change.hlc < b.change.hlc ? -1 : a.change.hlc > b.change.hlc ? 1 : 0,
    )
  return {
    count: (): Promise<number> => db.refusedChanges.count(),
    list,
    /** The list with the werknemer's name of each dossier still on this device (null if not). */
    listWithNames: async (): Promise<(RefusedChangeRow & { employeeName: string | null })[]> => {
      const rows = await list()
      const names = new Map<string, string | null>()
      for (const d of new Set(rows.map((r) => r.dossierId)))
        if (d) {
          const dossier = await db.dossiers.get(d)
          const employee = dossier ? await db.employees.get(dossier.employeeId) : undefined
          names.set(d, employee ? employeeFullName(employee) : null)
        }
      return rows.map((r) => ({
        ...r,
        employeeName: r.dossierId ? (names.get(r.dossierId) ?? null) : null,
      }))
    },
    /**
     * The refused changes as a Dutch JSON document for the new casemanager or the teamleider,
     * with one audit entry per dossier (an export of personal data).
     */
    exportJson: async (): Promise<{ fileName: string; data: Uint8Array; count: number }> => {
      const rows = await list()
      const at = ctx.clock().toISOString()
      const doc = {
        soort: 'Hervat: niet-verstuurde wijzigingen',
        geexporteerdOp: at,
        toelichting:
          'Deze wijzigingen zijn op dit apparaat gemaakt, maar de server heeft ze geweigerd. Per wijziging staan de reden en wat u kunt doen.',
        wijzigingen: rows.map((r) => ({
          dossierId: r.dossierId,
          tabel: r.change.table,
          recordId: r.change.recordId,
          veld: r.change.field,
          waarde: r.change.value,
          gewijzigdOp: hlcIso(r.change.hlc),
          geweigerdOp: r.refusedAt,
          reden: REFUSAL_TEXT[r.reason].title,
          advies: REFUSAL_TEXT[r.reason].advice,
          ...(r.serverMessage ? { meldingVanDeServer: r.serverMessage } : {}),
          wijzigingId: r.id,
        })),
      }
      const dossiers = [...new Set(rows.map((r) => r.dossierId))]
      await db.transaction('rw', auditScope(db), async () => {
        for (const d of dossiers)
          await appendAudit(ctx, {
            action: 'export',
            objectType: 'refused-changes',
            ...(d ? { dossierId: d } : {}),
            detail: `${rows.filter((r) => r.dossierId === d).length} niet-verstuurde wijzigingen geëxporteerd`,
          })
      })
      return {
        fileName: `hervat-niet-verstuurde-wijzigingen-${at.slice(0, 10)}.json`,
        data: new TextEncoder().encode(JSON.stringify(doc, null, 2)),
        count: rows.length,
      }
    },
    /** Removes the refused changes from this device (after the user exported them). */
    discard: async (): Promise<number> =>
      db.transaction('rw', [db.refusedChanges, ...auditScope(db)], async () => {
        const n = await db.refusedChanges.count()
        if (n === 0) return 0
        await db.refusedChanges.clear()
        await appendAudit(ctx, {
          action: 'delete',
          objectType: 'refused-changes',
          detail: `${n} niet-verstuurde wijzigingen van dit apparaat gewist`,
        })
        return n
      }),
  }
}
