// The licences of the libraries Hervat ships: every production dependency, with its transitive
// production dependencies, read from node_modules (package.json `license` and the LICENSE file).
// `npm run licences` writes src/renderer/features/about/licences.json, which the "Over Hervat"
// dialog shows; a unit test fails when the committed list no longer matches the lockfile.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i

function packageDir(root, fromDir, name) {
  // Node's resolution: the nearest node_modules up from the requiring package.
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root || dirname(dir) === dir) return null
  }
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => LICENCE_FILE.test(f))
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ')
  return 'onbekend'
}

export function collectLicences(root) {
  const top = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const seen = new Map()
  const queue = Object.keys(top.dependencies ?? {}).map((name) => ({ name, from: root }))
  while (queue.length > 0) {
    const { name, from } = queue.shift()
    const dir = packageDir(root, from, name)
    if (!dir) continue
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const key = `${pkg.name}@${pkg.version}`
    if (seen.has(key)) continue
    seen.set(key, {
      name: pkg.name,
      version: pkg.version,
      license: licenceOf(pkg),
      text: licenceText(dir),
    })
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir })
  }
  return [...seen.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name),
  )
}

export const LICENCES_FILE = 'src/renderer/features/about/licences.json'

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const list = collectLicences(root)
  writeFileSync(join(root, LICENCES_FILE), `${JSON.stringify(list, null, 2)}\n`)
  console.log(`${list.length} bibliotheken met hun licentie geschreven naar ${LICENCES_FILE}`)
}
