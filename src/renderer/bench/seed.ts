/**
 * Benchmark fixture page (browser build only, never in the Electron app): fills this origin's
 * database with generated dossiers so `npm run bench` can time the real caseload in Chromium.
 * The database is encrypted like the app's: the page sets up the lock with BENCH_PASSPHRASE
 * (the bench then unlocks with it) and writes through the encryption layer.
 * Usage: /bench.html?n=5000 (seed), /bench.html?save=25 (time dossier saves on that database).
 */
import { dateInAmsterdam, type IsoDate } from '../../shared/kernel/iso-date'
import { autoMap } from '../../shared/import/columns'
import { planImport } from '../../shared/import/plan'
import { readImportFile } from '../../shared/import/read-file'
import { casemanagerFigures } from '../../shared/reports/caseload-figures'
import { rankCaseload } from '../features/deadlines/deadline-views'
import { absenceRows } from '../features/reports/report-tables'
import { generateDossiers } from '../storage/bulk-generate'
import { db, lockSession, repos } from '../app/services'

export const BENCH_PASSPHRASE = 'bench-wachtwoord-hervat'

const status = document.getElementById('status')
const params = new URLSearchParams(location.search)
const n = Number(params.get('n') ?? '5000')
const saves = Number(params.get('save') ?? '0')
const reports = params.get('reports') !== null
const imports = Number(params.get('import') ?? '0')

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

function done(result: Record<string, number>) {
  if (status) {
    status.textContent = `klaar: ${JSON.stringify(result)}`
    status.dataset['done'] = JSON.stringify(result)
  }
}

/** Times the Rapportages figures over a year on the seeded database (read, figures, ranking). */
async function timeReports() {
  const unlock = await lockSession.unlockWithPassphrase(BENCH_PASSPHRASE)
  if (!unlock.ok) throw new Error(unlock.error.message)
  const today = dateInAmsterdam(new Date())
  const period = { from: `${Number(today.slice(0, 4)) - 1}-01-01` as IsoDate, to: today }
  const reads: number[] = []
  const absence: number[] = []
  const caseload: number[] = []
  let rows = 0
  for (let run = 0; run < 5; run++) {
    let t = performance.now()
    const facts = await repos.reportFacts.read()
    const list = await repos.caseload.list()
    reads.push(performance.now() - t)
    t = performance.now()
    rows = absenceRows(facts.employers, facts.byEmployer, period, '').length
    absence.push(performance.now() - t)
    t = performance.now()
    const ranked = rankCaseload(list, period.to)
    casemanagerFigures(
      ranked.map((r) => ({
        dossierId: r.dossierId,
        casemanagerId: r.casemanager,
        employerId: r.employerId,
        active: r.status === 'actief',
        sickWeek: r.timeline?.sickWeek ?? 0,
        caseEnded: r.timeline?.caseEnded ?? true,
        steps: r.timeline?.milestones ?? [],
        dataWarnings: r.timeline?.warnings.length ?? 0,
      })),
      period,
    )
    caseload.push(performance.now() - t)
  }
  const m = (xs: number[]) => Math.round(median(xs) * 10) / 10
  done({
    reportReadMedianMs: m(reads),
    reportAbsenceFiguresMedianMs: m(absence),
    reportCaseloadFiguresMedianMs: m(caseload),
    reportTotalMedianMs: m(reads.map((r, i) => r + (absence[i] ?? 0) + (caseload[i] ?? 0))),
    reportEmployerRows: rows,
  })
}

/** Makes an XLSX of `imports` werknemers in the page, then times reading, checking and importing it. */
async function timeImport() {
  const unlock = await lockSession.unlockWithPassphrase(BENCH_PASSPHRASE)
  if (!unlock.ok) throw new Error(unlock.error.message)
  const employer = await repos.employers.create({
    name: 'Importbedrijf B.V.',
    kvkNumber: '99887766',
    address: {},
    contactPerson: {},
    policyProfile: 'wettelijk',
  })
  if (!employer.ok) throw new Error(employer.error.message)
  const header = [
    'Werkgever',
    'Voornaam',
    'Achternaam',
    'BSN',
    'Geboortedatum',
    'Functie',
    'Uren',
    'In dienst sinds',
  ]
  const rows: (string | number)[][] = [header]
  for (let i = 0; rows.length <= imports; i++) {
    const digits = String(200_000_000 + i * 11)
      .slice(1, 9)
      .split('')
      .map(Number)
    const sum = digits.reduce((a, d, k) => a + d * (9 - k), 0)
    const last = [...Array(10).keys()].find((c) => (sum - c) % 11 === 0)
    if (last === undefined) continue
    rows.push([
      '99887766',
      'Werknemer',
      `Import ${i}`,
      `${digits.join('')}${last}`,
      '01-01-1990',
      'Medewerker',
      32,
      '01-01-2020',
    ])
  }
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  const bytes = new Uint8Array(await (await writeXlsxFile(rows as never).toBlob()).arrayBuffer())
  let t = performance.now()
  const read = await readImportFile('werknemers.xlsx', bytes)
  if (!read.ok) throw new Error(read.message)
  const readMs = performance.now() - t
  t = performance.now()
  const plan = planImport(
    'werknemers',
    read.value.header,
    read.value.rows,
    autoMap('werknemers', read.value.header),
    {
      employers: await repos.employers.list(),
      employees: await repos.employees.list(),
    },
  )
  const planMs = performance.now() - t
  t = performance.now()
  const applied = await repos.imports.apply(plan, { updateExisting: false, fileName: 'bench.xlsx' })
  if (!applied.ok) throw new Error(applied.error.message)
  const applyMs = performance.now() - t
  done({
    importRows: plan.counts.create,
    importReadXlsxMs: Math.round(readMs),
    importPlanMs: Math.round(planMs),
    importApplyMs: Math.round(applyMs),
    importTotalMs: Math.round(readMs + planMs + applyMs),
  })
}

;(saves > 0 ? timeSaves() : reports ? timeReports() : imports > 0 ? timeImport() : seed()).catch(
  (e: unknown) => {
    if (status) {
      status.textContent = `fout: ${e instanceof Error ? e.message : String(e)}`
      status.dataset['error'] = '1'
    }
  },
)
