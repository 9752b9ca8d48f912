import { contactInputSchema, type Contact } from '../../shared/domain/entities'
import type { Result } from '../../shared/kernel/errors'
import {
  isRemoved,
  REMOVABLE_FIELDS,
  REMOVAL_REASON_LABELS,
  REMOVAL_REASONS,
  REMOVED_TEXT,
  type RemovalReason,
} from '../../shared/privacy/corrections'
import { fieldKey } from '../../shared/sync'
import { appendAudit } from './audit'
import type { HervatDb } from './db'
import { auditConfirmations, guardMedicalText } from './medical-text'
import {
  appendChange,
  compact,
  invalid,
  notFound,
  putWithChange,
  stamp,
  validate,
  writeTransaction,
  type StoreContext,
} from './write'

/** The append-only tables whose text can be removed (AVG art. 16/17). */
export type RemovableTable = 'contacts' | 'documentSignatures'

const rewrite = (v: unknown) => (typeof v === 'string' && v !== REMOVED_TEXT ? REMOVED_TEXT : v)

function scrubFields(
  fields: Readonly<Record<string, unknown>> | undefined,
  names: readonly string[],
): Record<string, unknown> | undefined {
  if (!fields) return undefined
  const out = { ...fields }
  for (const f of names) if (f in out) out[f] = rewrite(out[f])
  return out
}

/**
 * Rewrites every local copy of a removed text (docs/adr/0009): the record's change log entries
 * (new and earlier values), pending outbox entries, the field states (winner and conflict
 * records) and changes set aside as refused. Call inside a read-write transaction over those
 * tables. Idempotent: used by the removal itself and when a removal arrives through sync.
 */
export async function scrubRemovedText(
  db: HervatDb,
  table: RemovableTable,
  recordId: string,
): Promise<void> {
  const names = REMOVABLE_FIELDS[table] ?? []
  for (const e of await db.changes.where('recordId').equals(recordId).toArray()) {
    if (e.table !== table) continue
    const previous = scrubFields(e.previous, names)
    await db.changes.put({
      ...e,
      fields: scrubFields(e.fields, names) ?? {},
      ...(previous ? { previous } : {}),
    })
  }
  const outbox = await db.outbox
    .filter((c) => c.table === table && c.recordId === recordId && names.includes(c.field))
    .toArray()
  for (const c of outbox)
    if (c.value !== REMOVED_TEXT) await db.outbox.put({ ...c, value: REMOVED_TEXT })
  const states = await db.fieldStates.bulkGet(names.map((f) => fieldKey(table, recordId, f)))
  for (const s of states) {
    if (!s) continue
    await db.fieldStates.put({
      ...s,
      winner: { ...s.winner, value: rewrite(s.winner.value) as typeof s.winner.value },
      conflicts: s.conflicts.map((x) => ({ ...x, value: rewrite(x.value) as typeof x.value })),
    })
  }
  const refused = await db.refusedChanges
    .filter((r) => r.change.table === table && r.change.recordId === recordId)
    .toArray()
  for (const r of refused)
    if (names.includes(r.change.field) && r.change.value !== REMOVED_TEXT)
      await db.refusedChanges.put({ ...r, change: { ...r.change, value: REMOVED_TEXT } })
}

/**
 * Corrections of contactmomenten and the removal of an append-only record's text
 * (src/shared/privacy/corrections.ts). Every write is one transaction with its change entry and
 * its audit entry.
 */
export function correctionRepository(ctx: StoreContext) {
  const { db } = ctx
  const scope = () => [db.contacts, db.documentSignatures, db.dossiers, db.refusedChanges]
  return {
    /**
     * A new contactmoment that supersedes `contactId` in views and exports; the original stays
     * in the record's history. Only the newest version can be corrected.
     */
    correctContact: async (contactId: string, input: unknown): Promise<Result<Contact>> => {
      const parsed = validate(contactInputSchema, input)
      if (!parsed.ok) return parsed
      const guarded = guardMedicalText(parsed.value)
      if (!guarded.ok) return guarded
      return writeTransaction(ctx, scope(), async () => {
        const original = await db.contacts.get(contactId)
        if (!original) return notFound('Dit contactmoment bestaat niet (meer).')
        const siblings = await db.contacts.where('dossierId').equals(original.dossierId).toArray()
        if (siblings.some((c) => c.corrects === contactId))
          return invalid(
            'corrects',
            'Dit contactmoment is al gecorrigeerd; corrigeer de nieuwste versie.',
          )
        const record: Contact = compact({
          ...parsed.value,
          corrects: contactId,
          nonMedical: guarded.value,
          dossierId: original.dossierId,
          ...stamp(ctx),
        })
        await putWithChange(ctx, db.contacts, record, undefined)
        await auditConfirmations(ctx, 'contacts', record, undefined, record.nonMedical)
        await appendAudit(ctx, {
          action: 'correct',
          objectType: 'contacts',
          objectId: contactId,
          dossierId: original.dossierId,
          detail: 'Vervangen door een correctie',
        })
        return { ok: true, value: record }
      })
    },

    /**
     * "Verwijderen wegens onrechtmatige registratie" (AVG art. 16/17): the record's text fields
     * become REMOVED_TEXT here and, through sync, on every device; no copy of the old text stays
     * in this database. The audit trail keeps a stub: when, who, which record, why.
     */
    removeUnlawful: async (
      table: RemovableTable,
      id: string,
      reason: RemovalReason,
    ): Promise<Result<void>> => {
      if (!(REMOVAL_REASONS as readonly string[]).includes(reason))
        return invalid('reason', 'Kies de reden van het verwijderen.')
      return writeTransaction(ctx, scope(), async () => {
        const t = db.table<Record<string, unknown> & { id: string; dossierId: string }, string>(
          table,
        )
        const existing = await t.get(id)
        if (!existing) return notFound('Dit gegeven bestaat niet (meer).')
        if (isRemoved(table, existing))
          return invalid('reason', 'De tekst van dit gegeven is al verwijderd.')
        const fields: Record<string, unknown> = {}
        for (const f of REMOVABLE_FIELDS[table] ?? [])
          if (typeof existing[f] === 'string' && existing[f] !== '') fields[f] = REMOVED_TEXT
        await t.put({ ...existing, ...fields, updatedAt: ctx.clock().toISOString() })
        // No `previous`: the change entry must not keep the text it removes.
        await appendChange(
          ctx,
          { table, recordId: id, dossierId: existing.dossierId, op: 'update', fields },
          { audit: false },
        )
        await scrubRemovedText(db, table, id)
        await appendAudit(ctx, {
          action: 'remove-unlawful',
          objectType: table,
          objectId: id,
          dossierId: existing.dossierId,
          detail: REMOVAL_REASON_LABELS[reason],
        })
        return { ok: true, value: undefined }
      })
    },
  }
}
