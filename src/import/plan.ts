/**
 * One read of the import's request plan.
 * @example
 * const entry: ImportPlanEntry = { method: 'GET', path: '/v4/{project}/registry/microservices', times: 'once' }
 */
export interface ImportPlanEntry {
  method: 'GET' | 'POST'
  path: string
  /** `once`, or `per service` for each imported service. */
  times: 'once' | 'per service'
  /** What the answer gives the snapshot. */
  reads: string
}

const SERVICE = '/v4/{project}/registry/microservices/{serviceId}'

/**
 * The requests an import sends, in order, without sending any: what `--dry-run` prints. With a
 * user and password the client first logs in at `POST /v4/token`, which writes nothing.
 * @example
 * planImport({ login: false }).length // 5
 */
export function planImport(options: { login: boolean }): ImportPlanEntry[] {
  return [
    ...(options.login
      ? [
          {
            method: 'POST',
            path: '/v4/token',
            times: 'once',
            reads: 'a token for the account (the login; nothing is stored)',
          } as const,
        ]
      : []),
    {
      method: 'GET',
      path: '/v4/{project}/registry/microservices',
      times: 'once',
      reads: 'services with their versions and properties',
    },
    { method: 'GET', path: `${SERVICE}/tags`, times: 'per service', reads: 'tags' },
    {
      method: 'GET',
      path: `${SERVICE}/schemas?withSchema=1`,
      times: 'per service',
      reads: 'schemas with their contents and summaries',
    },
    { method: 'GET', path: `${SERVICE}/instances`, times: 'per service', reads: 'instances' },
    {
      method: 'GET',
      path: '/v4/{project}/registry/microservices/{consumerId}/providers',
      times: 'per service',
      reads: 'the providers it depends on (dependency rules)',
    },
  ]
}

/**
 * How many requests an import of `services` services sends (login excluded).
 * @example
 * requestsFor(10) // 41
 */
export function requestsFor(services: number): number {
  return 1 + 4 * services
}
