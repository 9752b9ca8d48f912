import { buildApp } from './app'
import { loadConfig, loadJwtSecret } from './config'
import { corsOriginsFromEnv } from './cors'
import { openStore } from './store'

/** `npm run server`: zero configuration (embedded store); DATABASE_URL selects PostgreSQL. */
async function main(): Promise<void> {
  const config = loadConfig()
  const { db, release } = await openStore(config)
  const app = await buildApp({
    db,
    jwtSecret: loadJwtSecret(config.dataDir),
    logger: process.env.HERVAT_LOG === '1',
    ...(config.updatesDir ? { updatesDir: config.updatesDir } : {}),
    corsOrigins: corsOriginsFromEnv(),
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  console.log(JSON.stringify({ listening: port, store: db.kind, dataDir: config.dataDir }))
  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await app.close()
    await db.close()
    release()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
