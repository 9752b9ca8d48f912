import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The lint rule that keeps main a thin shell (docs/adr/0008): a file in src/main that imports the
 * sync server, a database driver or an HTTP server fails `npm run lint`. Checked with ESLint's
 * own API on probe texts, under the project's real configuration.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function importErrors(source: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('src/main may not run a server or open a database', () => {
  it.each([
    ["import { buildApp } from '../server/app'", /src\/server/],
    ["import { openStore } from '../server/store'", /src\/server/],
    ["export { migrate } from '../server/db/migrations'", /src\/server/],
    ["import { PGlite } from '@electric-sql/pglite'", /database/],
    ["import { vector } from '@electric-sql/pglite/vector'", /database/],
    ["import pg from 'pg'", /database/],
    ["import Fastify from 'fastify'", /HTTP-server/],
    ["import cors from '@fastify/cors'", /HTTP-server/],
  ])('refuses %s', async (line, message) => {
    const errors = await importErrors(`${line}\nvoid 0\n`, 'src/main/probe.main.ts')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it('allows what main needs, and leaves the server itself alone', async () => {
    const ok = [
      "import { app } from 'electron'",
      "import { readFile } from 'node:fs/promises'",
      "import { INVOKE_CHANNELS } from '../shared/ipc/contract'",
      "import { mainText } from './messages.main'",
    ].join('\n')
    expect(await importErrors(`${ok}\nvoid 0\n`, 'src/main/probe.main.ts')).toEqual([])
    expect(
      await importErrors("import Fastify from 'fastify'\nvoid 0\n", 'src/server/probe.ts'),
    ).toEqual([])
  })
})
