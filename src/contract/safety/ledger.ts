import { randomBytes } from 'node:crypto'

/**
 * Prefix of every application the suite creates, so its data is recognisable anywhere.
 * @example
 * services.filter((service) => service.appId?.startsWith(CONTRACT_APP_PREFIX))
 */
export const CONTRACT_APP_PREFIX = 'cse-mock-contract-'

/**
 * Property that marks the instances of one run (used by status-by-property updates).
 * @example
 * const properties = { [RUN_MARKER_PROPERTY]: ledger.runId }
 */
export const RUN_MARKER_PROPERTY = 'cseMockContractRun'

/**
 * What one run owns: its namespace, the services it created and the made-up ids it uses to
 * provoke "does not exist" errors. The write guard refuses everything else.
 * @example
 * const ledger: RunLedger = createRunLedger()
 * ledger.owns(serviceId)
 */
export interface RunLedger {
  readonly runId: string
  /** The run's application, `cse-mock-contract-<runId>`; others are `<appId>-<suffix>`. */
  readonly appId: string
  /** Service ids created by this run and not yet deleted. */
  readonly created: ReadonlySet<string>
  /** Whether `appId` is the run's application or one of its suffixed siblings. */
  ownsApp(appId: string | undefined): boolean
  /** Whether the run created (even if since deleted) or reserved this service id. */
  owns(serviceId: string): boolean
  /** A service id under the run's namespace that nothing has created. */
  reserve(label: string): string
  recordCreated(serviceId: string): void
  recordDeleted(serviceId: string): void
  /** Account names created by this run and not yet deleted (RBAC targets only). */
  readonly accounts: ReadonlySet<string>
  /** Role names created by this run and not yet deleted (RBAC targets only). */
  readonly roles: ReadonlySet<string>
  /** Records an account or role the run created, or (`created: false`) deleted. */
  recordRbac(kind: 'account' | 'role', name: string, created: boolean): void
  /** After `close()` only deletes of created services may still be sent. */
  close(): void
  readonly closed: boolean
}

/**
 * Creates the ledger of one run with a random (or given) run id.
 * @example
 * const ledger = createRunLedger()
 * ledger.appId // 'cse-mock-contract-3f9a1c2b'
 */
export function createRunLedger(runId: string = randomBytes(4).toString('hex')): RunLedger {
  const appId = `${CONTRACT_APP_PREFIX}${runId}`
  const created = new Set<string>()
  const accounts = new Set<string>()
  const roles = new Set<string>()
  // Ids stay owned after deletion, so "gone" can still be probed on them.
  const owned = new Set<string>()
  let closed = false
  let counter = 0
  return {
    runId,
    appId,
    created,
    ownsApp: (candidate) =>
      candidate !== undefined && (candidate === appId || candidate.startsWith(`${appId}-`)),
    owns: (serviceId) => owned.has(serviceId),
    reserve(label) {
      counter += 1
      const id = `${appId}-${label}-${counter}`.slice(0, 64)
      owned.add(id)
      return id
    },
    recordCreated(serviceId) {
      created.add(serviceId)
      owned.add(serviceId)
    },
    recordDeleted: (serviceId) => void created.delete(serviceId),
    accounts,
    roles,
    recordRbac(kind, name, isCreated) {
      const set = kind === 'account' ? accounts : roles
      if (isCreated) set.add(name)
      else set.delete(name)
    },
    close() {
      closed = true
    },
    get closed() {
      return closed
    },
  }
}
