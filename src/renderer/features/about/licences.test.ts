import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { collectLicences, LICENCES_FILE } from '../../../../scripts/licences.mjs'
import { LICENCES } from './licences'

const root = fileURLToPath(new URL('../../../..', import.meta.url))

describe('the licences shown in "Over Hervat"', () => {
  it('match the production dependencies installed now (run `npm run licences` after a change)', () => {
    const committed = JSON.parse(readFileSync(`${root}/${LICENCES_FILE}`, 'utf8')) as unknown
    expect(committed).toEqual(collectLicences(root))
  })

  it('name every library the app depends on directly, each with a licence', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
      dependencies: Record<string, string>
    }
    const names = new Set(LICENCES.map((l) => l.name))
    for (const dep of Object.keys(pkg.dependencies)) expect(names.has(dep), dep).toBe(true)
    for (const l of LICENCES) expect(l.license, l.name).not.toBe('onbekend')
    expect(LICENCES.find((l) => l.name === 'dexie')).toMatchObject({ license: 'Apache-2.0' })
  })
})
