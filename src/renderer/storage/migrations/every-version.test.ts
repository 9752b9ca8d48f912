import 'fake-indexeddb/auto'
import Dexie, { type Transaction } from 'dexie'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, sealEntry, type AuditEntry } from '../../../shared/audit/chain'
import { blindIndex, deriveDataKeys, newDataKey, wrapWithPassphrase } from '../crypto/keys'
import { encryptionMiddleware } from '../crypto/middleware'
import { KEYSTORE_KEY } from '../crypto/state'
import { Vault } from '../crypto/vault'
import { HervatDb } from '../db'
import { createLockSession } from '../keystore'
import { createRepositories } from '../repositories'
import {
  CURRENT_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
} from '../schema'
import { SESSION_KEY } from '../sync-log'
import { upgradeToV2 } from './v2-normalise-postcodes'
import { upgradeToV3 } from './v3-change-sequence'
import { upgradeToV5 } from './v5-sync-outbox'
import { encryptExistingRows, upgradeToV7 } from './v7-encryption'
import { upgradeToV8 } from './v8-sealed-sync-session'
import { upgradeToV10 } from './v10-sealed-user-name'

/**
 * The update test (issue 13): a laptop on EVERY earlier version of the database (1 … 10) opens in
 * the newest code, migrates, and all its data is readable; from v7 on it also decrypts with the
 * key the user's passphrase unwraps.
 *
 * How each laptop is made: version 1's rows, exactly as version 1 stored them, then the upgrades
 * that shipped with versions 2 … N (they are append-only in schema.ts, so these are the functions
 * those versions ran), with the data that only exists from a version on (milestone marks from 2,
 * documents from 4, the sync login from 5, the audit trail from 6, refused changes from 9) written
 * as that version wrote it. From version 7 on the laptop is encrypted with a key wrapped by the
 * passphrase, as version 7's first unlock left it.
 */

const PASS = 'een-goed-wachtwoord'
const ITERATIONS = 1000
const AT = '2026-01-05T09:00:00.000Z'
const meta = { createdAt: AT, updatedAt: AT }

/** What a version's own code declared: the stores of versions 1 … N and the upgrades it ran. */
const VERSIONS: readonly {
  readonly stores: Record<string, string>
  readonly upgrade?: (tx: Transaction) => Promise<void>
}[] = [
  { stores: SCHEMA_V1 },
  { stores: SCHEMA_V2, upgrade: upgradeToV2 },
  { stores: SCHEMA_V3, upgrade: upgradeToV3 },
  { stores: SCHEMA_V4 },
  { stores: SCHEMA_V5, upgrade: (tx) => upgradeToV5(tx) },
  { stores: SCHEMA_V6 },
  { stores: SCHEMA_V7, upgrade: upgradeToV7 },
  { stores: SCHEMA_V8, upgrade: upgradeToV8 },
  { stores: SCHEMA_V9 },
  { stores: SCHEMA_V10, upgrade: upgradeToV10 },
]

/** The database as version `n` of Hervat opened it (with its encryption layer from 7 on). */
function asVersion(name: string, n: number, vault?: Vault): Dexie {
  const db = new Dexie(name)
  if (vault) db.use(encryptionMiddleware(vault))
  VERSIONS.slice(0, n).forEach((v, i) => {
    const version = db.version(i + 1).stores(v.stores)
    if (v.upgrade) version.upgrade(v.upgrade)
  })
  return db
}

const SECRETS = {
  bsn: '111222333',
  lastName: 'de Vries',
  street: 'Lindelaan',
  phone: '0612345678',
  summary: 'Werkplek bekeken met leidinggevende',
  attachment: 'Verslag bedrijfsarts (inhoud van de bijlage)',
  document: 'Aangepast werk in de ochtend',
  userName: 'Petra Visser-de Boer',
  token: 'access-token-van-de-sessie',
} as const

/** Version 1's rows: a werkgever (postcode as typed), werknemer, dossier and its records. */
async function writeVersion1(db: Dexie): Promise<void> {
  await db.table('employers').add({
    ...meta,
    id: 'er1',
    name: 'Bakkerij Jansen',
    kvkNumber: '12345678',
    loonheffingennummer: '123456789L01',
    address: { street: 'Bakkerstraat', postcode: '3811ab', city: 'Amersfoort' },
    contactPerson: { name: 'Karel Jansen', phone: '0333333333' },
    policyProfile: 'goudse-op-maat',
    eigenrisicodragerZw: false,
  })
  await db.table('employees').add({
    ...meta,
    id: 'ee1',
    employerId: 'er1',
    firstName: 'Sanne',
    lastName: SECRETS.lastName,
    bsn: SECRETS.bsn,
    dateOfBirth: '1985-03-14',
    address: { street: SECRETS.street, postcode: '3812cd', city: 'Amersfoort' },
    phone: SECRETS.phone,
    jobTitle: 'Bakker',
    contractHoursPerWeek: 32,
    employmentStart: '2015-09-01',
  })
  await db.table('dossiers').add({
    ...meta,
    id: 'd1',
    employeeId: 'ee1',
    employerId: 'er1',
    casemanager: 'Petra Visser',
    arbodienst: {},
    bedrijfsarts: {},
    status: 'actief',
    safetyNet: 'onbekend',
    workAccident: false,
    thirdPartyLiable: false,
  })
  await db.table('sickPeriods').add({
    ...meta,
    id: 'sp1',
    dossierId: 'd1',
    start: '2025-12-01',
    percentage: 100,
  })
  await db.table('contacts').add({
    ...meta,
    id: 'c1',
    dossierId: 'd1',
    date: '2026-01-06',
    kind: 'gesprek',
    participants: 'Sanne',
    summary: SECRETS.summary,
  })
  const content = new TextEncoder().encode(SECRETS.attachment)
  const sha = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', content)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
  await db.table('attachments').add({
    ...meta,
    id: 'a1',
    dossierId: 'd1',
    fileName: 'verslag.txt',
    mimeType: 'text/plain',
    size: content.length,
    sha256: sha,
  })
  await db.table('blobs').add({ sha256: sha, data: content, size: content.length })
  // Version 1 and 2 had no `seq` (version 3 numbers the log in `at` order).
  await db.table('changes').add({
    id: 'ch1',
    table: 'contacts',
    recordId: 'c1',
    dossierId: 'd1',
    op: 'create',
    fields: { summary: SECRETS.summary },
    at: '2026-01-06T09:00:00.000Z',
  })
  await db.table('meta').put({
    key: 'settings',
    value: { notifyDaysAhead: 10, userName: SECRETS.userName },
  })
}

const SESSION = {
  serverUrl: 'https://sync.bureau.nl',
  accessToken: SECRETS.token,
  refreshToken: 'refresh-token-van-de-sessie',
  deviceId: 'dev-1',
  user: { id: 'u1', organisationId: 'o1', name: 'Petra', email: 'petra@bureau.nl' },
}

/** What exists from version `n` on, written by version `from`'s code into its own database. */
async function writeAddedIn(db: Dexie, from: number): Promise<void> {
  if (from === 2)
    await db.table('milestoneMarks').add({
      ...meta,
      id: 'm1',
      dossierId: 'd1',
      key: 'plan-van-aanpak',
      state: 'done',
      date: '2026-01-20',
    })
  if (from === 4)
    await db.table('documents').add({
      ...meta,
      id: 'doc1',
      dossierId: 'd1',
      type: 'plan-van-aanpak',
      version: 1,
      content: { afspraken: SECRETS.document },
    })
  // The sync login: plaintext in `meta` from version 5 until version 8 seals it.
  if (from === 5) await db.table('meta').put({ key: SESSION_KEY, value: SESSION })
  if (from === 6) {
    const entry: AuditEntry = sealEntry({
      id: 'au1',
      deviceId: 'dev-local',
      seq: 1,
      at: AT,
      actorName: SECRETS.userName,
      action: 'view',
      objectType: 'dossiers',
      objectId: 'd1',
      dossierId: 'd1',
      outcome: 'success',
      prevHash: GENESIS_HASH,
    })
    await db.table('audit').add(entry)
    await db.table('meta').put({ key: 'device', value: 'dev-local' })
  }
  if (from === 9)
    await db.table('refusedChanges').add({
      id: 'rc1',
      dossierId: 'd1',
      change: {
        id: 'rc1',
        table: 'contacts',
        recordId: 'c1',
        dossierId: 'd1',
        field: 'summary',
        value: 'Gewijzigd na ondertekening',
        hlc: '000001767600000000-0000-n0000000000000000000',
        baseHlc: null,
      },
      refusedAt: AT,
      reason: 'append-only',
      serverCode: 'append-only',
      serverMessage: 'Dit record kan niet worden gewijzigd.',
    })
}

/** A laptop left on version `n`, its data written by versions 1 … n in turn. */
async function laptopOn(n: number): Promise<{ name: string }> {
  const name = `every-version-${n}-${Math.random().toString(36).slice(2)}`
  const v1 = asVersion(name, 1)
  await writeVersion1(v1)
  v1.close()
  let raw: Uint8Array<ArrayBuffer> | undefined
  let vault: Vault | undefined
  for (let k = 2; k <= n; k++) {
    if (k === 7) {
      // Version 7's first start: the passphrase is set, the key wraps, existing rows are sealed.
      raw = newDataKey()
      vault = new Vault()
      const keys = await deriveDataKeys(raw)
      vault.unlock(keys)
      const db = asVersion(name, k, vault)
      await db.open()
      await encryptExistingRows(db as unknown as HervatDb)
      await db.table('meta').put({
        key: KEYSTORE_KEY,
        value: {
          version: 1,
          passphrase: await wrapWithPassphrase(raw, PASS, ITERATIONS),
          check: await blindIndex(keys, 'hervat/key-check', 'v1'),
        },
      })
      vault.strict = true
      await writeAddedIn(db, k)
      db.close()
      continue
    }
    const db = asVersion(name, k, vault)
    await db.open()
    await writeAddedIn(db, k)
    db.close()
  }
  return { name }
}

/** Every row of every table as text (bytes as latin1), and the version the file is on. */
async function rawText(name: string): Promise<string> {
  return (await rawDump(name)).text
}

async function rawDump(name: string): Promise<{ text: string; version: number }> {
  const raw = new Dexie(name)
  await raw.open()
  const all = await Promise.all(raw.tables.map((t) => t.toArray()))
  raw.close()
  const text = JSON.stringify(all, (_k, v: unknown) =>
    v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
  )
  return { text, version: raw.verno }
}

describe('a database of every earlier version opens in the newest code', () => {
  it('covers every version before the newest', () => {
    expect(VERSIONS).toHaveLength(CURRENT_VERSION)
  })

  it.each(Array.from({ length: CURRENT_VERSION }, (_v, i) => i + 1))(
    'version %i: migrates, decrypts, and every record reads as it was written',
    async (n) => {
      const { name } = await laptopOn(n)
      const { text: before, version } = await rawDump(name)
      expect(version).toBe(n)
      if (n < 7) expect(before).toContain(SECRETS.bsn)
      else expect(before.includes(SECRETS.bsn)).toBe(false)

      const vault = new Vault()
      const db = new HervatDb(name, vault)
      const session = createLockSession({ db, vault, iterations: ITERATIONS })
      if (n < 7) {
        // No passphrase existed yet: the first start of the new version asks for one.
        expect(await session.state()).toEqual({ kind: 'setup' })
        expect((await session.setup(PASS, PASS)).ok).toBe(true)
      } else {
        expect(await session.state()).toMatchObject({ kind: 'locked' })
        expect(await session.unlockWithPassphrase('een-fout-wachtwoord')).toMatchObject({
          ok: false,
        })
        expect(await session.unlockWithPassphrase(PASS)).toEqual({ ok: true, value: undefined })
      }
      expect(db.verno).toBe(CURRENT_VERSION)
      const repos = createRepositories(db)

      const full = await repos.dossiers.getFull('d1')
      expect(full?.dossier).toMatchObject({ casemanager: 'Petra Visser', status: 'actief' })
      expect(full?.employee).toMatchObject({
        bsn: SECRETS.bsn,
        lastName: SECRETS.lastName,
        phone: SECRETS.phone,
        address: { street: SECRETS.street, postcode: '3812 CD' },
      })
      expect(full?.employer.address).toMatchObject({ postcode: '3811 AB' })
      expect(full?.sickPeriods.map((s) => s.start)).toEqual(['2025-12-01'])
      expect(full?.contacts.map((c) => c.summary)).toEqual([SECRETS.summary])
      expect(full?.attachments.map((a) => a.fileName)).toEqual(['verslag.txt'])
      expect(new TextDecoder().decode(await repos.attachments.getContent('a1'))).toBe(
        SECRETS.attachment,
      )
      expect(full?.milestoneMarks.map((m) => m.key)).toEqual(n >= 2 ? ['plan-van-aanpak'] : [])
      expect(full?.documents.map((d) => d.content)).toEqual(
        n >= 4 ? [{ afspraken: SECRETS.document }] : [],
      )
      expect((await repos.employees.findByBsn('111 222 333')).map((e) => e.id)).toEqual(['ee1'])
      expect((await repos.caseload.list())[0]?.searchText).toContain('sanne de vries')
      expect((await repos.changes.forRecord('c1'))[0]).toMatchObject({
        seq: 1,
        fields: { summary: SECRETS.summary },
      })
      expect((await repos.settings.get()).userName).toBe(SECRETS.userName)
      // Everything made before sync existed waits in the outbox for a first sync.
      expect(await repos.sync.pendingCount()).toBeGreaterThan(0)
      if (n >= 5) expect(await repos.sync.getSealed(SESSION_KEY)).toEqual(SESSION)
      if (n >= 6) {
        expect(await repos.audit.verify()).toMatchObject({ ok: true })
        expect((await repos.audit.list()).map((e) => e.id)).toContain('au1')
      }
      expect((await repos.refusedChanges.list()).map((r) => r.id)).toEqual(n >= 9 ? ['rc1'] : [])

      // At rest, nothing personal is readable any more, whichever version it came from.
      session.lock()
      db.close()
      const after = await rawText(name)
      for (const secret of Object.values(SECRETS))
        expect(after.includes(secret), `${secret} in plaintext`).toBe(false)
    },
  )
})
