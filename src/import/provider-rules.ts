import type { components } from '../generated/schema.ts'

type MicroService = components['schemas']['MicroService']
type MicroServiceKey = components['schemas']['MicroServiceKey']

/** The rule Service Center 2.1+ records for a provider: every version of its name. */
const ALL_VERSIONS = '0.0.0+'

/**
 * The dependency rules behind a consumer's provider list: one rule per provider name
 * (environment, appId, serviceName) for all versions, sorted. The API lists the providers a rule
 * matches, not the rule, so a Classic version rule reads back as all versions, and a rule that
 * matches no service at the moment cannot be seen.
 * @example
 * providerRules([{ appId: 'shop', serviceName: 'cart', version: '1.0.0' }]) // [{ appId: 'shop', serviceName: 'cart', version: '0.0.0+' }]
 */
export function providerRules(providers: readonly MicroService[]): MicroServiceKey[] {
  const rules = new Map<string, MicroServiceKey>()
  for (const provider of providers) {
    const { environment = '', appId = '', serviceName = '' } = provider
    if (!serviceName) continue
    const key = JSON.stringify([environment, appId, serviceName])
    if (rules.has(key)) continue
    rules.set(key, {
      ...(environment ? { environment } : {}),
      ...(appId ? { appId } : {}),
      serviceName,
      version: ALL_VERSIONS,
    })
  }
  return [...rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r)
}
