/**
 * Document benchmark (issue 4): median in-process time to render the Plan van Aanpak and the
 * whole re-integratieverslag bundle of the example dossier (two years, 124 contactmomenten,
 * 9 PvA versions, 3 merged BA PDFs), each from the parsed export and the font bytes (fonts are
 * read once, as the app does), plus both file sizes. Targets: PvA < 150 ms, RIV < 1.5 s. Also the
 * 42-week data sheet and the RIV bundle (zip: index, one PDF per part, manifest with hashes).
 * Wall time and this process's CPU time are both reported: on a shared, loaded machine the wall
 * time includes waiting for a core.
 * Standalone: `npx tsx bench/documents-bench.ts` prints JSON; `npm run bench` calls it.
 */
import { readFileSync } from 'node:fs'
import { loadFonts } from '../src/cli/pdf'
import { renderPlanVanAanpak } from '../src/documents/plan-van-aanpak-pdf'
import { renderReintegratieverslag } from '../src/documents/reintegratieverslag-pdf'
import { renderMelding42 } from '../src/documents/melding-42-pdf'
import { buildRivBundle } from '../src/documents/riv-bundle'
import { parseDossierExport } from '../src/shared/documents/dossier-export'

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
const round = (x: number) => Math.round(x * 10) / 10

async function measure(
  runs: number,
  render: () => Promise<Uint8Array>,
): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  await render() // warm-up: JIT and fontkit's first parse
  const times: number[] = []
  const cpu: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    bytes = (await render()).length
    times.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return { ms: round(median(times)), cpuMs: round(median(cpu)), bytes }
}

export async function runDocumentsBench(): Promise<Record<string, number>> {
  const parsed = parseDossierExport(
    JSON.parse(readFileSync('test/fixtures/voorbeeld-dossier.json', 'utf8')),
  )
  if (!parsed.ok) throw new Error(parsed.error.message)
  const exp = parsed.value
  const fonts = loadFonts()
  const producedAt = new Date('2025-10-09T10:00:00Z')
  const pva = await measure(15, () => renderPlanVanAanpak(exp, fonts, { producedAt }))
  const riv = await measure(7, () => renderReintegratieverslag(exp, fonts, { producedAt }))
  const melding42 = await measure(15, () => renderMelding42(exp, fonts, { producedAt }))
  const bundle = await measure(
    5,
    async () => (await buildRivBundle(exp, fonts, { producedAt })).zip,
  )
  return {
    planVanAanpakMs: pva.ms,
    reintegratieverslagMs: riv.ms,
    // CPU time of this process: what the machine's load (other processes) does not inflate.
    planVanAanpakCpuMs: pva.cpuMs,
    reintegratieverslagCpuMs: riv.cpuMs,
    planVanAanpakBytes: pva.bytes,
    reintegratieverslagBytes: riv.bytes,
    melding42Ms: melding42.ms,
    melding42CpuMs: melding42.cpuMs,
    melding42Bytes: melding42.bytes,
    rivBundleZipMs: bundle.ms,
    rivBundleZipCpuMs: bundle.cpuMs,
    rivBundleZipBytes: bundle.bytes,
  }
}

if (process.argv[1]?.endsWith('documents-bench.ts')) {
  runDocumentsBench()
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
