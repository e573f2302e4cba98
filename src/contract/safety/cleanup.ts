import type { RegistryClient } from '../client/create-registry-client.ts'
import type { RunLedger } from './ledger.ts'

/**
 * What teardown did: the services deleted and those it could not delete (to remove by hand).
 * @example
 * const { deleted, failed }: CleanupReport = await cleanupRun(client, ledger)
 */
export interface CleanupReport {
  deleted: string[]
  failed: { serviceId: string; message: string }[]
}

/**
 * Force-deletes every service the run created and has not deleted yet. A service that is
 * already gone (`400012`) counts as deleted. Never touches anything outside the ledger.
 * @example
 * const report = await cleanupRun(client, ledger)
 * if (report.failed.length > 0) console.error('left behind:', report.failed)
 */
export async function cleanupRun(
  client: RegistryClient,
  ledger: RunLedger,
): Promise<CleanupReport> {
  const report: CleanupReport = { deleted: [], failed: [] }
  for (const serviceId of [...ledger.created]) {
    try {
      const { response, error } = await client.DELETE(
        '/v4/{project}/registry/microservices/{serviceId}',
        { params: { path: { project: client.project, serviceId }, query: { force: 'true' } } },
      )
      const code = (error as { errorCode?: unknown } | undefined)?.errorCode
      if (response.status === 200 || code === '400012') {
        ledger.recordDeleted(serviceId)
        report.deleted.push(serviceId)
      } else {
        report.failed.push({
          serviceId,
          message: `HTTP ${response.status} ${JSON.stringify(error)}`,
        })
      }
    } catch (error) {
      report.failed.push({ serviceId, message: (error as Error).message })
    }
  }
  // Accounts before roles: a role still bound to an account cannot be deleted.
  for (const [kind, names] of [
    ['account', ledger.accounts],
    ['role', ledger.roles],
  ] as const) {
    for (const name of [...names]) {
      const result =
        kind === 'account'
          ? await client.DELETE('/v4/accounts/{name}', { params: { path: { name } } })
          : await client.DELETE('/v4/roles/{roleName}', { params: { path: { roleName: name } } })
      const code = (result.error as { errorCode?: unknown } | undefined)?.errorCode
      if (result.response.status === 200 || code === '400200' || code === '400201') {
        ledger.recordRbac(kind, name, false)
        report.deleted.push(`${kind} ${name}`)
      } else {
        report.failed.push({
          serviceId: `${kind} ${name}`,
          message: `HTTP ${result.response.status} ${JSON.stringify(result.error)}`,
        })
      }
    }
  }
  return report
}
