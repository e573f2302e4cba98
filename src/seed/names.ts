import type { Faker } from '@faker-js/faker'

const APP_WORDS = [
  'shop',
  'payments',
  'logistics',
  'crm',
  'media',
  'travel',
  'banking',
  'insurance',
  'portal',
  'iot',
  'hr',
  'erp',
  'marketing',
  'support',
]

const FRONT_NAMES = ['gateway', 'api-gateway', 'edge-service', 'web-portal', 'bff']

const SERVICE_WORDS = [
  'order',
  'payment',
  'inventory',
  'cart',
  'user',
  'catalog',
  'shipping',
  'review',
  'notification',
  'search',
  'auth',
  'pricing',
  'recommendation',
  'billing',
  'account',
  'coupon',
  'customer',
  'warehouse',
  'invoice',
  'delivery',
]

const SERVICE_SUFFIXES = ['-service', '-service', '-service', '-center', '-api', '-manager', '']

/** Attempts at a fresh word before falling back to a numbered name. */
const ATTEMPTS = 6

/**
 * A lowercase slug of letters, digits and single dashes: always a valid registry NAME
 * (`^[a-zA-Z0-9][a-zA-Z0-9_\-.]*[a-zA-Z0-9]$`) unless empty.
 * @example
 * slug("D'Angelo & Sons") // 'd-angelo-sons'
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * A value that matches the registry's TAG rule `^[a-zA-Z][a-zA-Z0-9_\-.]{0,63}$`.
 * @example
 * tagValue('2nd wave') // 'v2nd-wave'
 */
export function tagValue(text: string): string {
  const cleaned = slug(text) || 'none'
  return (/^[a-z]/.test(cleaned) ? cleaned : `v${cleaned}`).slice(0, 64)
}

/**
 * `Order` from `order`: the first letter upper-cased.
 * @example
 * capitalize('order') // 'Order'
 */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * Draws names until one is not in `taken` (a few tries, then `<name>-2`, `<name>-3`, …), adds
 * it to `taken` and returns it. Deterministic for a seeded `draw`.
 * @example
 * unique(new Set(['shop']), () => 'shop') // 'shop-2'
 */
export function unique(taken: Set<string>, draw: (attempt: number) => string): string {
  let name = ''
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    name = draw(attempt)
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
  for (let n = 2; ; n++) {
    const numbered = `${name}-${n}`
    if (!taken.has(numbered)) {
      taken.add(numbered)
      return numbered
    }
  }
}

/**
 * An appId such as `shop` or `logistics`, unique among `taken`.
 * @example
 * appName(faker, new Set()) // 'payments'
 */
export function appName(faker: Faker, taken: Set<string>): string {
  return unique(taken, (attempt) =>
    attempt < 4 ? faker.helpers.arrayElement(APP_WORDS) : slug(faker.word.noun()) || 'app',
  )
}

/**
 * A service name such as `order-service`; the first service of an app (`front`) is its entry
 * point (`gateway`, `bff`, …).
 * @example
 * serviceName(faker, new Set(), false) // 'inventory-center'
 */
export function serviceName(faker: Faker, taken: Set<string>, front: boolean): string {
  return unique(taken, (attempt) => {
    if (front && attempt < 2) return faker.helpers.arrayElement(FRONT_NAMES)
    const word =
      attempt < 3 ? faker.helpers.arrayElement(SERVICE_WORDS) : slug(faker.word.noun()) || 'svc'
    return word + faker.helpers.arrayElement(SERVICE_SUFFIXES)
  })
}

/**
 * A resource noun for paths and schema ids (`order`, `invoice`, `widget`), letters only.
 * @example
 * resourceNoun(faker) // 'ticket'
 */
export function resourceNoun(faker: Faker): string {
  return (
    faker.word
      .noun()
      .toLowerCase()
      .replace(/[^a-z]/g, '') || 'item'
  )
}
