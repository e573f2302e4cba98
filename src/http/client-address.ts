/**
 * The client address Service Center keys login failures by: the first global unicast IP in
 * `X-Forwarded-For`, then in `X-Real-Ip`, else the peer address of the connection (`''` when
 * the adapter has none, as under MSW).
 * @example
 * clientAddress((name) => (name === 'x-forwarded-for' ? '127.0.0.1, 10.0.0.7' : null), '127.0.0.1') // '10.0.0.7'
 */
export function clientAddress(
  header: (name: string) => string | null,
  remoteAddress: string | undefined,
): string {
  for (const name of ['x-forwarded-for', 'x-real-ip']) {
    for (const part of (header(name) ?? '').split(',')) {
      const ip = part.trim()
      if (isGlobalUnicast(ip)) return ip
    }
  }
  const peer = remoteAddress ?? ''
  return peer.startsWith('::ffff:') && peer.includes('.') ? peer.slice(7) : peer
}

/** Go's `net.IP.IsGlobalUnicast` for textual addresses (private ranges count as global). */
function isGlobalUnicast(ip: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip)
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number]
    if ([a, b, c, d].some((octet) => octet > 255)) return false
    if (a === 0 || a === 127 || a >= 224) return false
    return !(a === 169 && b === 254)
  }
  if (!ip.includes(':') || !/^[0-9a-fA-F:.]+$/.test(ip)) return false
  const lower = ip.toLowerCase()
  return !(
    lower === '::' ||
    lower === '::1' ||
    lower.startsWith('fe8') ||
    lower.startsWith('fe9') ||
    lower.startsWith('fea') ||
    lower.startsWith('feb') ||
    lower.startsWith('ff')
  )
}
