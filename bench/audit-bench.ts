/**
 * Audit trail benchmark (issue 6): what the hash-chained audit log costs.
 * - contactSaveMedianMs: one contactmoment saved (record + change entry + audit entry, one
 *   transaction, encrypted at rest as in the app) on fake-indexeddb in Node (the IndexedDB
 *   implementation of the unit tests; the real browser's is faster, so this is an upper bound);
 * - auditRecordMedianMs: one audit entry alone (a dossier view), same store;
 * - sealEntryMedianUs: canonical JSON + SHA-256 of one entry (the synchronous part inside the
 *   write transaction);
 * - verifyChain10kMs: checking a chain of 10,000 entries (the "Controle audittrail" screen).
 * Standalone: `npx tsx bench/audit-bench.ts` prints JSON; `npm run bench -- audit` calls it.
 */
import 'fake-indexeddb/auto'
import { loadavg } from 'node:os'
import { GENESIS_HASH, sealEntry, verifyChain, type AuditEntry } from '../src/shared/audit/chain'
import { HervatDb } from '../src/renderer/storage/db'
import { createRepositories } from '../src/renderer/storage/repositories'
import { deriveDataKeys, newDataKey } from '../src/renderer/storage/crypto/keys'
import { Vault } from '../src/renderer/storage/crypto/vault'
import { seedDossier } from '../src/renderer/storage/test-fixtures'

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
const round = (x: number, d = 10) => Math.round(x * d) / d

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const e = sealEntry({
      id: `e-${seq}`,
      deviceId: 'bench-device',
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorName: 'Petra Visser',
      action: 'update',
      objectType: 'contacts',
      objectId: `c-${seq}`,
      dossierId: `d-${seq % 500}`,
      outcome: 'success',
      prevHash: prev,
    })
    out.push(e)
    prev = e.hash
  }
  return out
}

export async function runAuditBench(): Promise<Record<string, number>> {
  // Encrypted at rest, as in the app: an unlocked vault with a fresh data key.
  const vault = new Vault()
  vault.unlock(await deriveDataKeys(newDataKey()))
  const db = new HervatDb(`audit-bench-${Date.now()}`, vault)
  const repos = createRepositories(db)
  await repos.settings.update({ userName: 'Petra Visser' })
  const { dossier } = await seedDossier(repos)
  const saves: number[] = []
  const records: number[] = []
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now()
    const r = await repos.contacts.create(dossier.id, {
      date: '01-11-2026',
      kind: 'gesprek',
      participants: 'werknemer, casemanager',
      summary: `Voortgang besproken (${i}).`,
    })
    saves.push(performance.now() - t0)
    if (!r.ok) throw new Error(r.error.message)
    const t1 = performance.now()
    await repos.audit.record({
      action: 'view',
      objectType: 'dossiers',
      objectId: dossier.id,
      dossierId: dossier.id,
    })
    records.push(performance.now() - t1)
  }
  const seals: number[] = []
  const sample = chain(1)[0]!
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now()
    sealEntry({ ...sample, seq: i + 1 })
    seals.push((performance.now() - t0) * 1000)
  }
  const entries = chain(10_000)
  const verifies: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    const r = verifyChain(entries)
    verifies.push(performance.now() - t0)
    if (!r.ok) throw new Error('chain broken')
  }
  const verified = await repos.audit.verify()
  if (!verified.ok) throw new Error('stored chain broken')
  return {
    contactSaveMedianMs: round(median(saves.slice(20))),
    auditRecordMedianMs: round(median(records.slice(20))),
    sealEntryMedianUs: round(median(seals.slice(100))),
    verifyChain10kMs: round(median(verifies)),
    storedEntries: verified.entries,
    /** The machine is shared: the 1-minute load average while measuring, for context. */
    loadAverage1m: round(loadavg()[0] ?? 0),
  }
}

if (process.argv[1]?.endsWith('audit-bench.ts')) {
  runAuditBench()
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
