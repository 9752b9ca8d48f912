/**
 * Benchmark fixture page (browser build only, never in the Electron app): fills this origin's
 * database with generated dossiers so `npm run bench` can time the real caseload in Chromium.
 * Usage: /bench.html?n=5000
 */
import { dateInAmsterdam } from '../../shared/kernel/iso-date'
import { generateDossiers } from '../storage/bulk-generate'
import { db } from '../app/services'

const status = document.getElementById('status')
const n = Number(new URLSearchParams(location.search).get('n') ?? '5000')

async function seed() {
  const started = performance.now()
  await db.delete()
  await db.open()
  await generateDossiers(db, n, dateInAmsterdam(new Date()))
  db.close()
  const ms = performance.now() - started
  if (status) {
    status.textContent = `klaar: ${n} dossiers in ${Math.round(ms)} ms`
    status.dataset['done'] = String(ms)
  }
}

seed().catch((e: unknown) => {
  if (status) {
    status.textContent = `fout: ${e instanceof Error ? e.message : String(e)}`
    status.dataset['error'] = '1'
  }
})
