import type { CliIo } from '../../src/cli/command.ts'
import type { Snapshot } from '../../src/registry/index.ts'
import type { RequestLogEntry } from '../../src/server/index.ts'
import { type CseMockServer, startCseMockServer } from '../../src/server/index.ts'

/** A seeded server on a free loopback port that records every HTTP request it answers. */
export interface LoggedServer {
  server: CseMockServer
  url: string
  requests: RequestLogEntry[]
}

/**
 * Starts `cse-mock serve --seed 42` in-process, with its request log.
 * @example
 * const { url, requests } = await startSeeded()
 */
export async function startSeeded(
  options: Parameters<typeof startCseMockServer>[0] = {},
): Promise<LoggedServer> {
  const requests: RequestLogEntry[] = []
  const server = await startCseMockServer({
    port: 0,
    seed: 42,
    ...options,
    onRequest: (entry) => requests.push(entry),
  })
  return { server, url: server.url, requests }
}

/**
 * The snapshot with every list in a stable order and the description and Service Center's own
 * service left out: what "the same registry" means.
 * @example
 * expect(normalize(a)).toEqual(normalize(b))
 */
export function normalize(snapshot: Snapshot) {
  const by =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
  return snapshot.tenants.map((tenant) => ({
    domain: tenant.domain,
    project: tenant.project,
    services: tenant.services
      .filter((entry) => entry.service.serviceName !== 'SERVICECENTER')
      .map((entry) => ({
        ...entry,
        schemas: entry.schemas ? [...entry.schemas].sort(by((s) => s.schemaId)) : undefined,
        instances: entry.instances
          ? [...entry.instances].sort(by((i) => i.instanceId ?? ''))
          : undefined,
      }))
      .sort(by((entry) => entry.service.serviceId ?? '')),
    dependencies: tenant.dependencies
      .map((rule) => ({
        consumerId: rule.consumerId,
        providers: [...rule.providers].sort(by((p) => `${p.appId}/${p.serviceName}`)),
      }))
      .sort(by((rule) => rule.consumerId)),
  }))
}

/**
 * A `CliIo` that keeps the lines, and a non-terminal progress stream writing to its stderr.
 * @example
 * const io = memoryIo(); await runImport(args, io, io.stream)
 */
export function memoryIo() {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) }
  return {
    io,
    out,
    err,
    stream: { isTTY: false, write: (text: string) => err.push(text.replace(/\n$/, '')) },
  }
}
