#!/usr/bin/env node
// `npm run fuzz`: the property-based fuzz test of push and login (src/server/fuzz.test.ts) with
// more inputs than in `npm test`: HERVAT_FUZZ_RUNS per property and store (default 2000). Set
// HERVAT_TEST_DATABASE_URL to fuzz PostgreSQL as well as the embedded store.
import { spawnSync } from 'node:child_process'

const runs = process.env.HERVAT_FUZZ_RUNS ?? '2000'
const r = spawnSync('npx', ['vitest', 'run', 'src/server/fuzz.test.ts', '--testTimeout=0'], {
  stdio: 'inherit',
  env: { ...process.env, HERVAT_FUZZ_RUNS: runs },
})
process.exit(r.status ?? 1)
