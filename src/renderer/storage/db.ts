import Dexie, { type Table } from 'dexie'
import type {
  Appointment,
  Attachment,
  Contact,
  Dossier,
  Employee,
  Employer,
  Intervention,
  Leave,
  MilestoneMark,
  PartialRecovery,
  SickPeriod,
} from '../../shared/domain/entities'
import type { StoredDocument, StoredSignature } from '../../shared/documents/stored'
import type { AuditEntry } from '../../shared/audit/chain'
import type { FieldStateRow, OutboxRow } from './sync-log'
import type { RefusedChangeRow } from './revocation'
import { encryptionMiddleware } from './crypto/middleware'
import type { Vault } from './crypto/vault'
import { declareSchema } from './schema'

export const CHANGE_OPS = ['create', 'update', 'delete'] as const

/**
 * A stored change: what a write did, recorded in the same transaction as the write (the sync
 * outbox's source, and the history that keeps an edited or removed record's earlier values).
 */
export type ChangeEntry = {
  readonly id: string
  /** 1, 2, 3, … in the order the writes committed (`at` alone ties within a millisecond). */
  readonly seq: number
  /** A data table, or `backup` for the entry that marks a restore. */
  readonly table: string
  readonly recordId: string
  readonly dossierId?: string
  readonly op: (typeof CHANGE_OPS)[number]
  /** Full record on create, the changed fields' new values on update (null = cleared), {} on delete. */
  readonly fields: Record<string, unknown>
  /** Update: the changed fields' values before (null = was empty). Delete: the whole record. */
  readonly previous?: Record<string, unknown>
  readonly at: string
}

export type BlobRow = { readonly sha256: string; readonly data: Uint8Array; readonly size: number }
export type MetaRow = { readonly key: string; readonly value: unknown }

/** The dossier tables, in dependency order (parents first). */
export const DATA_TABLES = [
  'employers',
  'employees',
  'dossiers',
  'sickPeriods',
  'partialRecoveries',
  'leaves',
  'contacts',
  'interventions',
  'appointments',
  'attachments',
  'milestoneMarks',
  'documents',
  'documentSignatures',
] as const
export type DataTable = (typeof DATA_TABLES)[number]

export class HervatDb extends Dexie {
  employers!: Table<Employer, string>
  employees!: Table<Employee, string>
  dossiers!: Table<Dossier, string>
  sickPeriods!: Table<SickPeriod, string>
  partialRecoveries!: Table<PartialRecovery, string>
  leaves!: Table<Leave, string>
  contacts!: Table<Contact, string>
  interventions!: Table<Intervention, string>
  appointments!: Table<Appointment, string>
  attachments!: Table<Attachment, string>
  milestoneMarks!: Table<MilestoneMark, string>
  documents!: Table<StoredDocument, string>
  documentSignatures!: Table<StoredSignature, string>
  blobs!: Table<BlobRow, string>
  changes!: Table<ChangeEntry, string>
  meta!: Table<MetaRow, string>
  audit!: Table<AuditEntry, string>
  outbox!: Table<OutboxRow, string>
  fieldStates!: Table<FieldStateRow, string>
  /** Like `meta`, but sealed at rest: only readable while unlocked (the sync login). */
  sealedMeta!: Table<MetaRow, string>
  refusedChanges!: Table<RefusedChangeRow, string>

  /** With a `vault`, every table is encrypted at rest by its policy (crypto/policy.ts). */
  constructor(
    name: string,
    readonly vault?: Vault,
  ) {
    super(name)
    if (vault) this.use(encryptionMiddleware(vault))
    declareSchema(this)
  }
}

export function openDb(name = 'hervat', vault?: Vault): HervatDb {
  return new HervatDb(name, vault)
}
