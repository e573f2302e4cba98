import type { components } from '../generated/schema.ts'
import { type ResolvedSeedOptions, statusTable } from './options.ts'
import type { SeedRandom } from './random.ts'

type MicroServiceInstance = components['schemas']['MicroServiceInstance']

/** The service version an instance belongs to, with what its instances share. */
export interface InstanceOwner {
  serviceId: string
  serviceName: string
  version: string
  /** Unix seconds the service was registered; instances come up after it. */
  registeredAt: number
  restPort: number
  /** Only ServiceComb Java chassis services also listen on highway. */
  highwayPort: number | undefined
}

/** Builds one instance at a time; keeps the id set and address counter of a whole snapshot. */
export interface InstanceFactory {
  create(owner: InstanceOwner): MicroServiceInstance
}

const REGIONS = ['cn-north-4', 'cn-east-3', 'cn-south-1', 'ap-southeast-1', 'ap-southeast-3']

/** Kubernetes' alphabet for generated pod name suffixes (no vowels, no look-alikes). */
const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

const PROPERTY_MAKERS: [string, (facts: InstanceFacts) => string][] = [
  ['nodeIP', (facts) => facts.ip],
  ['weight', () => '100'],
  ['zone', (facts) => facts.zone],
  ['podName', (facts) => facts.hostName],
  ['deployVersion', (facts) => facts.version],
]

interface InstanceFacts {
  ip: string
  zone: string
  hostName: string
  version: string
}

/**
 * Creates the per-snapshot instance builder. Per instance it spends a handful of 32-bit draws
 * and string concatenations, no heavier faker calls, so 100,000 instances stay fast.
 * @example
 * const factory = createInstanceFactory(random, options)
 * factory.create(owner).instanceId // 32 lowercase hex digits
 */
export function createInstanceFactory(
  random: SeedRandom,
  options: ResolvedSeedOptions,
): InstanceFactory {
  const region = REGIONS[random.below(REGIONS.length)] ?? 'cn-north-4'
  const zones = ['a', 'b', 'c'].map((letter) => `${region}${letter}`)
  const statuses = statusTable(options.statuses)
  const instanceIds = new Set<string>()
  // The strings an instance keeps are built with `join`: `+` and template literals leave trees
  // of pieces (V8's cons strings) that the registry would hold at ~4 times the flat size.
  // Addresses count up from a random /24 in the lower half of 10.0.0.0/8, so they stay unique.
  let address = random.below(0x8000) << 8
  let podPrefixOwner = ''
  let podPrefix = ''

  const nextIp = (): string => {
    address = (address + 1) % 0x100_0000
    if ((address & 0xff) === 0 || (address & 0xff) === 0xff) return nextIp()
    return ['10.', address >>> 16, '.', (address >>> 8) & 0xff, '.', address & 0xff].join('')
  }

  return {
    create(owner) {
      if (podPrefixOwner !== owner.serviceId) {
        // Pods of one version share a ReplicaSet hash, as in a Kubernetes Deployment.
        podPrefixOwner = owner.serviceId
        podPrefix = [
          owner.serviceName.slice(0, 40).replace(/-+$/, ''),
          '-',
          pod(random.uint32()),
          pod(random.uint32()),
        ].join('')
      }
      let instanceId = random.uuidHex()
      while (instanceIds.has(instanceId)) instanceId = random.uuidHex()
      instanceIds.add(instanceId)

      const ip = nextIp()
      const zone = zones[random.below(zones.length)] ?? region
      const hostName = [podPrefix, '-', pod(random.uint32())].join('')
      const draw = random.uint32() / 0x1_0000_0000
      const status = (statuses.find(([, share]) => draw < share) ?? statuses.at(-1))?.[0] ?? 'UP'
      const timestamp = owner.registeredAt + 60 + random.below(3600)
      // A status other than UP means someone changed it after registration, which moves modTimestamp.
      const modTimestamp = status === 'UP' ? timestamp : timestamp + 1 + random.below(3600)

      const endpoints = [['rest://', ip, ':', owner.restPort, '?sslEnabled=false'].join('')]
      if (owner.highwayPort !== undefined) {
        endpoints.push(['highway://', ip, ':', owner.highwayPort, '?sslEnabled=false'].join(''))
      }
      const facts: InstanceFacts = { ip, zone, hostName, version: owner.version }
      const properties: Record<string, string> = {}
      for (let k = 0; k < options.properties; k++) {
        const maker = PROPERTY_MAKERS[k]
        if (maker) properties[maker[0]] = maker[1](facts)
        else properties[`label${k}`] = `value${k}`
      }

      const instance: MicroServiceInstance = {
        instanceId,
        serviceId: owner.serviceId,
        version: owner.version,
        hostName,
        endpoints,
        status,
        healthCheck: { mode: 'push', interval: 30, times: 3 },
        dataCenterInfo: { name: 'huaweicloud', region, availableZone: zone },
        timestamp: String(timestamp),
        modTimestamp: String(modTimestamp),
      }
      // Assigned, not spread in: no throw-away object per instance, one object shape for all.
      if (options.properties > 0) instance.properties = properties
      return instance
    },
  }
}

/** Five characters of `POD_ALPHABET` from one 32-bit draw (27^5 < 2^32). */
function pod(value: number): string {
  let text = ''
  let rest = value
  for (let i = 0; i < 5; i++) {
    text += POD_ALPHABET[rest % POD_ALPHABET.length]
    rest = Math.floor(rest / POD_ALPHABET.length)
  }
  return text
}
