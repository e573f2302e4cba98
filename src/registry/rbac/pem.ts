/**
 * Turns an `RSA PRIVATE KEY` (PKCS #1, what older `openssl genrsa` writes) into the PKCS #8
 * `PRIVATE KEY` Web Crypto imports; any other PEM is returned as it is.
 * @example
 * const pkcs8 = toPkcs8(readFileSync('private.key', 'utf8'))
 */
export function toPkcs8(pem: string): string {
  const match = /-----BEGIN RSA PRIVATE KEY-----([\s\S]*?)-----END RSA PRIVATE KEY-----/.exec(pem)
  if (!match) return pem
  const pkcs1 = Uint8Array.from(atob(match[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0))
  // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption, OCTET STRING }
  const algorithm = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
  ]
  const body = [0x02, 0x01, 0x00, ...algorithm, ...der(0x04, pkcs1)]
  const info = der(0x30, Uint8Array.from(body))
  let binary = ''
  for (const byte of info) binary += String.fromCharCode(byte)
  const lines = btoa(binary).match(/.{1,64}/g) ?? []
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`
}

function der(tag: number, content: Uint8Array): number[] {
  const length = content.length
  const head =
    length < 0x80
      ? [length]
      : length < 0x100
        ? [0x81, length]
        : length < 0x10000
          ? [0x82, length >> 8, length & 0xff]
          : [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff]
  return [tag, ...head, ...content]
}
