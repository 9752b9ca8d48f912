export { HervatDb, openDb, DATA_TABLES, type ChangeEntry, type DataTable } from './db'
export { createRepositories, type DossierBundle, type Repositories } from './repositories'
export type { CaseloadRow } from './caseload'
