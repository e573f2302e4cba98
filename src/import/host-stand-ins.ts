import { keyedDigest } from './keyed-digest.ts'

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/
const IPV6 = /^\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}\]?$/
const KEPT = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '::', '[::1]', '[::]'])

/**
 * Gives every host of a registry a stand-in of the same kind: an IPv4 address becomes one in
 * 10.0.0.0/8, an IPv6 address one in fd00::/8, a name `h<hex>.invalid`; loopback and unspecified
 * addresses stay. The same host always gets the same stand-in, and two hosts never share one.
 * @example
 * const hosts = createHostStandIns('key')
 * hosts.standIn('192.168.7.20') // e.g. '10.93.4.211'
 */
export interface HostStandIns {
  standIn(host: string): string
  /** Whether `value` is an IP address or a host seen before, so it is mapped as a host. */
  isHost(value: string): boolean
}

/**
 * Creates the host table of one import.
 * @example
 * createHostStandIns('key').standIn('db.internal') // 'h3f9a0c1b2d4e.invalid'
 */
export function createHostStandIns(key: string): HostStandIns {
  const given = new Map<string, string>()
  const taken = new Set<string>()
  const draw = (host: string, round: number): string => {
    const hex = keyedDigest(key, `host:${round}`, host.toLowerCase(), 32)
    if (IPV4.test(host)) {
      const [a, b, c] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
      return `10.${a}.${b}.${1 + ((c ?? 0) % 254)}`
    }
    if (host.startsWith('[') || host.includes(':')) {
      const groups = hex.slice(0, 28).match(/.{4}/g) ?? []
      const address = `fd${hex.slice(28, 30)}:${groups.slice(0, 7).join(':')}`
      return host.startsWith('[') ? `[${address}]` : address
    }
    return `h${hex.slice(0, 12)}.invalid`
  }
  return {
    standIn(host) {
      if (host === '' || KEPT.has(host.toLowerCase())) return host
      const known = given.get(host)
      if (known !== undefined) return known
      let round = 0
      let candidate = draw(host, round)
      while (taken.has(candidate)) candidate = draw(host, ++round)
      given.set(host, candidate)
      taken.add(candidate)
      return candidate
    },
    isHost(value) {
      return given.has(value) || IPV4.test(value) || IPV6.test(value)
    },
  }
}

const ENDPOINT = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)?([^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(.*)$/s

/**
 * Rewrites the host (and any user info) of an endpoint such as `rest://10.0.0.1:8080?sslEnabled=false`,
 * keeping its scheme, port, path and query.
 * @example
 * replaceEndpointHost('rest://10.0.0.1:8080', () => '10.1.2.3') // 'rest://10.1.2.3:8080'
 */
export function replaceEndpointHost(
  endpoint: string,
  host: (host: string) => string,
  userInfo: (info: string) => string,
): string {
  const match = ENDPOINT.exec(endpoint)
  if (!match) return endpoint
  const [, scheme = '', info = '', name = '', rest = ''] = match
  const user = info ? `${userInfo(info.slice(0, -1))}@` : ''
  return `${scheme}${user}${host(name)}${rest}`
}
