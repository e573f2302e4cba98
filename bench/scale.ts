import {
  createRegistry,
  type Registry,
  type RequestContext,
  type Snapshot,
} from '../src/registry/index.ts'
import { createSeedSnapshot, type SeedOptions } from '../src/seed/index.ts'
import { median, type Operation, timeRound } from './loop.ts'
import { registrationBody } from './scenarios.ts'
import type { BenchSettings } from './settings.ts'

/** The registry's cost and footprint with `instances` registered. */
export interface ScaleRow {
  instances: number
  services: number
  /** µs of CPU per call, cycling through the same 100 services or instances at every size. */
  discoveryMicros: number
  heartbeatMicros: number
  getByIdMicros: number
  /** The same over 8,192 randomly picked services or instances (caches mostly cold). */
  coldDiscoveryMicros: number
  coldHeartbeatMicros: number
  coldGetByIdMicros: number
  /** A new instance into a randomly picked service. */
  registrationMicros: number
  /** Heap after `gc()` with the instances, minus the heap before they were seeded, over `instances`. */
  bytesPerInstance: number
  /** Median over the repeats: building the seed snapshot, then restoring it. */
  snapshotMs: number
  restoreMs: number
}

const READS = [
  'discovery',
  'heartbeat',
  'getById',
  'coldDiscovery',
  'coldHeartbeat',
  'coldGetById',
] as const
type Kind = (typeof READS)[number] | 'registration'

const CTX: RequestContext = { domain: 'default', project: 'default' }
/** Every service version holds this many instances, so a discovery answers as much at every size. */
const INSTANCES_PER_VERSION = 10
const VERSIONS_PER_SERVICE = 2
/**
 * Distinct random targets cycled through. 100 (a power of two would do as well) compares like
 * with like: the same working set at every size, so what grows is the registry's own cost.
 * 8,192 spread over 100,000 instances also measures the CPU caches missing.
 */
const TARGETS = 8192
const HOT_TARGETS = 100

/**
 * The seed options for `instances` instances: services of 2 versions × 10 instances, at most
 * 100 service names per app. The `cse` profile discovers in `development` when no env is given.
 */
export function seedOptionsFor(instances: number): SeedOptions {
  const names = Math.max(1, Math.round(instances / (INSTANCES_PER_VERSION * VERSIONS_PER_SERVICE)))
  const servicesPerApp = Math.min(names, 100)
  return {
    seed: 7,
    apps: Math.ceil(names / servicesPerApp),
    servicesPerApp,
    versionsPerService: VERSIONS_PER_SERVICE,
    instancesPerVersion: INSTANCES_PER_VERSION,
    environment: 'development',
  }
}

interface Seeded {
  size: number
  registry: Registry
  targets: Targets
  bytesPerInstance: number
}

/**
 * Seeds one registry per size (timing the seeding and weighing each registry on the heap), then
 * measures them in interleaved rounds (100, 10,000, 100,000, 100, …), so a burst of load from
 * another process hits every size alike. Runs in a process of its own, started with
 * `--expose-gc`.
 */
export async function runScalePart(settings: BenchSettings): Promise<ScaleRow[]> {
  const gc = requireGc()
  // Compiles the record validators once, so no registry's weight includes them.
  await createRegistry().restore(createSeedSnapshot(seedOptionsFor(20)))
  // Seeding is timed first, each registry dropped right after: with the other sizes alive the
  // collector would have more to walk, and the largest size would pay for the smaller ones.
  const seedTimes = new Map<number, { snapshotMs: number; restoreMs: number }>()
  for (const size of settings.scale.sizes) {
    seedTimes.set(size, await timeSeeding(size, settings.scale.seedRepeats, gc))
  }
  const seeded: Seeded[] = []
  for (const size of settings.scale.sizes) seeded.push(await seed(size, gc))

  const { rounds, roundMs, maxOps } = settings.loop
  const registrationsPerRound = Math.ceil(settings.scale.registrations / rounds)
  const samples = new Map<string, number[]>()
  const record = (size: number, kind: Kind, micros: number) =>
    samples.set(`${size}:${kind}`, [...(samples.get(`${size}:${kind}`) ?? []), micros])
  // Reads first: registrations stay, and would grow the small registry's services under them.
  // Round 0 warms up every path and is not kept.
  for (const phase of [READS, ['registration'] as const]) {
    for (let round = 0; round <= rounds; round++) {
      for (const entry of seeded) {
        const ops = operationsOf(entry, round)
        for (const kind of phase) {
          const limits =
            kind === 'registration'
              ? { roundMs: 10_000, maxOps: round === 0 ? 20 : registrationsPerRound }
              : { roundMs, maxOps }
          const micros = await timeRound(ops[kind], limits)
          if (round > 0) record(entry.size, kind, micros)
        }
      }
    }
  }
  const at = (size: number, kind: Kind) => median(samples.get(`${size}:${kind}`) ?? [])
  return seeded.map((entry) => {
    const stats = entry.registry.stats()
    return {
      instances: entry.size,
      services: stats.services,
      discoveryMicros: at(entry.size, 'discovery'),
      heartbeatMicros: at(entry.size, 'heartbeat'),
      getByIdMicros: at(entry.size, 'getById'),
      coldDiscoveryMicros: at(entry.size, 'coldDiscovery'),
      coldHeartbeatMicros: at(entry.size, 'coldHeartbeat'),
      coldGetByIdMicros: at(entry.size, 'coldGetById'),
      registrationMicros: at(entry.size, 'registration'),
      bytesPerInstance: entry.bytesPerInstance,
      ...seedTimes.get(entry.size)!,
    }
  })
}

/** Median times to build the seed snapshot and to restore it, each run on a collected heap. */
async function timeSeeding(size: number, repeats: number, gc: () => void) {
  const snapshotTimes: number[] = []
  const restoreTimes: number[] = []
  for (let repeat = 0; repeat < repeats; repeat++) {
    settledHeap(gc)
    const began = performance.now()
    const snapshot = createSeedSnapshot(seedOptionsFor(size))
    const created = performance.now()
    await createRegistry().restore(snapshot)
    restoreTimes.push(performance.now() - created)
    snapshotTimes.push(created - began)
  }
  return { snapshotMs: median(snapshotTimes), restoreMs: median(restoreTimes) }
}

/** A registry of `size` instances to measure, weighed on the heap. */
async function seed(size: number, gc: () => void): Promise<Seeded> {
  const registry = createRegistry()
  const before = settledHeap(gc)
  await registry.restore(createSeedSnapshot(seedOptionsFor(size)))
  const instances = registry.stats().instances
  const bytesPerInstance = (settledHeap(gc) - before) / instances
  return {
    size: instances,
    registry,
    targets: pickTargets(createSeedSnapshot(seedOptionsFor(size)), size),
    bytesPerInstance,
  }
}

function operationsOf(entry: Seeded, round: number): Record<Kind, Operation> {
  const { registry, targets } = entry
  const reads = (count: number) => {
    let i = 0
    const next = <T>(list: T[]) => list[i++ % count]!
    return {
      discovery: () => registry.findInstances(CTX, next(targets.discoveries)),
      heartbeat: () => {
        const { serviceId, instanceId } = next(targets.instances)
        registry.heartbeat(CTX, serviceId, instanceId)
      },
      getById: () => {
        const { serviceId, instanceId } = next(targets.instances)
        return registry.getInstance(CTX, serviceId, instanceId)
      },
    }
  }
  const hot = reads(HOT_TARGETS)
  const cold = reads(TARGETS)
  let n = round * 1_000_000
  return {
    ...hot,
    coldDiscovery: cold.discovery,
    coldHeartbeat: cold.heartbeat,
    coldGetById: cold.getById,
    // Registrations stay in the registry: few per round, each a new instance.
    registration: () =>
      registry.registerInstance(
        CTX,
        targets.services[n % TARGETS]!,
        registrationBody(n++).instance,
      ),
  }
}

interface Targets {
  discoveries: { appId: string; serviceName: string; version: string }[]
  instances: { serviceId: string; instanceId: string }[]
  services: string[]
}

/**
 * Random discovery keys, instances and services to call, drawn from the snapshot the registry
 * was restored from (built again: the same options give the same snapshot).
 */
function pickTargets(snapshot: Snapshot, seed: number): Targets {
  const pick = randomPicker(seed)
  const services = snapshot.tenants[0]!.services.filter((entry) => entry.instances?.length)
  const any = () => services[pick(services.length)]!
  const discoveries = Array.from({ length: TARGETS }, () => {
    const { appId = '', serviceName = '' } = any().service
    return { appId, serviceName, version: 'latest' }
  })
  const instances = Array.from({ length: TARGETS }, () => {
    const entry = any()
    const instance = entry.instances![pick(entry.instances!.length)]!
    return { serviceId: entry.service.serviceId!, instanceId: instance.instanceId! }
  })
  return {
    discoveries,
    instances,
    services: Array.from({ length: TARGETS }, () => any().service.serviceId!),
  }
}

function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) {
    throw new Error('Failed to measure memory: gc() is missing. Run this part with --expose-gc.')
  }
  return gc
}

function settledHeap(gc: () => void): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/** A seeded linear congruential generator: the same targets on every run. */
function randomPicker(seed: number): (below: number) => number {
  let state = seed >>> 0 || 1
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return Math.floor((state / 0x1_0000_0000) * below)
  }
}
