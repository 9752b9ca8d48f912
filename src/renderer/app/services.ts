import { createRepositories, openDb } from '../storage'
import { markOnce, PERF } from './perf'

/** The one database and its repositories for this window. */
export const db = openDb()
export const repos = createRepositories(db)

void db.open().then(() => markOnce(PERF.dbOpen))
export type Repos = typeof repos
