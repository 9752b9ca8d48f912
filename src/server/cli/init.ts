import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { initialise } from '../accounts'
import { loadConfig } from '../config'
import { HttpError } from '../http-error'
import { openStore } from '../store'

/**
 * First run: `npm run server:init -- --org "Bureau X" --email a@b.nl --name "Naam"`. The password
 * comes from HERVAT_ADMIN_PASSWORD or is asked for; it never appears on the command line.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
  })
  if (!values.org || !values.email || !values.name) {
    throw new Error('Gebruik: npm run server:init -- --org <naam> --email <e-mail> --name <naam>')
  }
  let password = process.env.HERVAT_ADMIN_PASSWORD ?? ''
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout })
    password = await rl.question('Wachtwoord voor de beheerder (min. 12 tekens): ')
    rl.close()
  }
  if (password.length < 12) throw new Error('Kies een wachtwoord van minstens 12 tekens.')
  const { db, release } = await openStore(loadConfig())
  try {
    const user = await initialise(db, {
      organisationName: values.org,
      email: values.email,
      name: values.name,
      password,
    })
    console.log(
      JSON.stringify({ organisationId: user.organisationId, userId: user.id, email: user.email }),
    )
  } finally {
    await db.close()
    release()
  }
}

run().catch((e: unknown) => {
  console.error(e instanceof HttpError || e instanceof Error ? e.message : e)
  process.exit(1)
})
