/**
 * Benchmark fixture page (browser build only, never in the Electron app): fills this origin's
 * database with generated dossiers so `npm run bench` can time the real caseload in Chromium.
 * The database is encrypted like the app's: the page sets up the lock with BENCH_PASSPHRASE
 * (the bench then unlocks with it) and writes through the encryption layer.
 * Usage: /bench.html?n=5000 (seed), /bench.html?save=25 (time dossier saves on that database).
 */
import { dateInAmsterdam } from '../../shared/kernel/iso-date'
import { generateDossiers } from '../storage/bulk-generate'
import { db, lockSession, repos } from '../app/services'

export const BENCH_PASSPHRASE = 'bench-wachtwoord-hervat'

const status = document.getElementById('status')
const params = new URLSearchParams(location.search)
const n = Number(params.get('n') ?? '5000')
const saves = Number(params.get('save') ?? '0')

async function seed() {
  const started = performance.now()
  await db.delete()
  const setup = await lockSession.setup(BENCH_PASSPHRASE, BENCH_PASSPHRASE)
  if (!setup.ok) throw new Error(setup.error.message)
  const keyed = performance.now()
  await generateDossiers(db, n, dateInAmsterdam(new Date()))
  db.close()
  const ms = performance.now() - started
  if (status) {
    status.textContent = `klaar: ${n} dossiers in ${Math.round(ms)} ms (sleutel ${Math.round(keyed - started)} ms)`
    status.dataset['done'] = String(ms)
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** Times `saves` edits of existing dossiers through the repositories (encrypted, one transaction each). */
async function timeSaves() {
  const unlock = await lockSession.unlockWithPassphrase(BENCH_PASSPHRASE)
  if (!unlock.ok) throw new Error(unlock.error.message)
  const dossiers = (await repos.dossiers.list()).slice(0, saves)
  const employees = await repos.employees.list()
  const dossierTimes: number[] = []
  const employeeTimes: number[] = []
  for (const [i, d] of dossiers.entries()) {
    const { id, createdAt: _c, updatedAt: _u, employerId: _e, ...input } = d
    let t = performance.now()
    const r = await repos.dossiers.update(id, { ...input, casemanager: `Casemanager ${i}` })
    dossierTimes.push(performance.now() - t)
    if (!r.ok) throw new Error(r.error.message)
    const e = employees[i]
    if (!e) continue
    const { id: eid, createdAt: _ec, updatedAt: _eu, ...eInput } = e
    t = performance.now()
    const er = await repos.employees.update(eid, { ...eInput, jobTitle: `Functie ${i}` })
    employeeTimes.push(performance.now() - t)
    if (!er.ok) throw new Error(er.error.message)
  }
  if (status) {
    status.textContent = `klaar: ${dossierTimes.length} keer opgeslagen`
    status.dataset['done'] = JSON.stringify({
      dossierSaveMedianMs: median(dossierTimes),
      employeeSaveMedianMs: median(employeeTimes),
    })
  }
}

;(saves > 0 ? timeSaves() : seed()).catch((e: unknown) => {
  if (status) {
    status.textContent = `fout: ${e instanceof Error ? e.message : String(e)}`
    status.dataset['error'] = '1'
  }
})
