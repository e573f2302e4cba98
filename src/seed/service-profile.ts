import type { Faker } from '@faker-js/faker'
import type { components } from '../generated/schema.ts'
import { capitalize, resourceNoun, serviceName, slug, tagValue, unique } from './names.ts'
import type { ResolvedSeedOptions } from './options.ts'

type Level = NonNullable<components['schemas']['MicroService']['level']>

/** What every version of one service name shares: drawn once per name, not per version. */
export interface ServiceProfile {
  serviceName: string
  level: Level
  description: string
  framework: components['schemas']['FrameworkProperty']
  tags: Record<string, string>
  /** One entry per schema: its id and the resource its contract describes. */
  contracts: { schemaId: string; resource: string }[]
  restPort: number
  highwayPort: number | undefined
  /** Major version of the first release. */
  major: number
}

const FRAMEWORKS = [
  { name: 'servicecomb-java-chassis', version: '2.8.18', lang: 'java' },
  { name: 'spring-cloud-huawei', version: '1.11.9-2022.0.x', lang: 'java' },
  { name: 'go-chassis', version: 'v2.7.1', lang: 'go' },
] as const

const REST_PORTS = [8080, 8080, 8081, 8088, 9080, 9090]

const TIERS: Record<Level, string> = { FRONT: 'frontend', MIDDLE: 'middle', BACK: 'backend' }

const TAG_MAKERS: [string, (faker: Faker, profile: ServiceProfile, lang: string) => string][] = [
  ['team', (faker) => tagValue(faker.color.human())],
  ['tier', (_, profile) => TIERS[profile.level]],
  ['lang', (_, __, lang) => lang],
  ['owner', (faker) => tagValue(faker.person.firstName())],
  ['stage', (faker) => faker.helpers.arrayElement(['stable', 'beta', 'canary'])],
  ['costCenter', (faker) => `cc${faker.string.numeric(4)}`],
]

/**
 * Draws the shared traits of one service name in an app. The first name of an app is its
 * FRONT entry point; the others are MIDDLE or BACK.
 * @example
 * const profile = createServiceProfile(faker, 'shop', new Set(), 0, options)
 * profile.level // 'FRONT'
 */
export function createServiceProfile(
  faker: Faker,
  appId: string,
  takenNames: Set<string>,
  index: number,
  options: ResolvedSeedOptions,
): ServiceProfile {
  const name = serviceName(faker, takenNames, index === 0)
  const level: Level = index === 0 ? 'FRONT' : faker.helpers.arrayElement(['MIDDLE', 'BACK'])
  const { lang, ...framework } = faker.helpers.arrayElement(FRAMEWORKS)
  const profile: ServiceProfile = {
    serviceName: name,
    level,
    description: `${capitalize(faker.company.buzzVerb())} ${faker.company.buzzNoun()} for the ${appId} app`,
    framework,
    tags: {},
    contracts: [],
    restPort: faker.helpers.arrayElement(REST_PORTS),
    highwayPort: framework.name === 'servicecomb-java-chassis' ? 7070 : undefined,
    major: faker.number.int({ min: 1, max: 3 }),
  }
  for (let k = 0; k < options.tags; k++) {
    const maker = TAG_MAKERS[k]
    if (maker) profile.tags[maker[0]] = maker[1](faker, profile, lang)
    else profile.tags[`label${k}`] = tagValue(faker.word.adjective())
  }
  const schemaIds = new Set<string>()
  // The first contract is about what the name says (`order` for `order-service`).
  const ownResource = /^[a-z]+/.exec(slug(name))?.[0]
  for (let k = 0; k < options.schemas; k++) {
    let resource = k === 0 && ownResource ? ownResource : resourceNoun(faker)
    const schemaId = unique(schemaIds, (attempt) => {
      if (attempt > 0) resource = resourceNoun(faker)
      return `${capitalize(resource)}Endpoint`
    })
    profile.contracts.push({ schemaId, resource })
  }
  return profile
}

/**
 * The version string of the `index`-th release: `<major>.<minor>.<patch>`, ascending with the
 * index, every segment ≤ 32767 as the registry requires.
 * @example
 * versionOf(1, 12, 3) // '2.2.3'
 */
export function versionOf(major: number, index: number, patch: number): string {
  return `${major + Math.floor(index / 10)}.${index % 10}.${patch}`
}
