import { STATUS_CODES } from 'node:http'
import type { RenderedAnswer } from '../../http/respond.ts'
import { canonicalHeaderName, isHttpToken } from '../canonical-header.ts'
import { corsAllowed, interceptorHeaders } from '../cors.ts'
import { flattenInGoOrder, type HeaderValue } from '../go-header-order.ts'
import { bodyAllowed, ONE_WRITE_CHARS } from '../write-response.ts'

/** What goes on the socket for one answer: the head and body as one string, or head and bytes. */
export interface WireAnswer {
  /** Status line, headers and, when `bytes` is absent, the body. */
  text: string
  /**
   * How `text` is encoded, as Node encodes it: UTF-8 when it ends with a string body, Latin-1
   * when it is a head alone (before `bytes`, or with no body).
   */
  encoding: 'utf8' | 'latin1'
  /** A large body's bytes, written after `text`. */
  bytes: Uint8Array | undefined
}

/**
 * Whether the connection closes after an answer, and who asked: the server (shutting down: its
 * `Connection: close` is one of the answer's headers) or the client (Node adds the header
 * after `Date`).
 */
export type Closing = 'server' | 'client' | false

/** What `node:http` refuses in a header value (`ERR_INVALID_CHAR`). */
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/

/**
 * The bytes `writeRendered` has `node:http` write for an answer, without a `ServerResponse`:
 * Service Center's interceptor headers, the answer's own in Go's canonical case and order,
 * `Content-Length` on every body, `Connection: close` when the connection ends after it, then
 * Node's `Date`; no keep-alive headers. A header value `node:http` would refuse throws, as
 * `writeHead` does.
 * @example
 * renderWire(renderResult({ body: {} }), 'GET', undefined, false, 'Wed, 02 Dec 2026 05:00:00 GMT')
 */
export function renderWire(
  answer: RenderedAnswer,
  method: string,
  origin: string | undefined,
  close: Closing,
  date: string,
): WireAnswer {
  const body = answer.body
  const bytes =
    body !== null && answer.utf8 && body.length > ONE_WRITE_CHARS ? answer.utf8 : undefined
  // A cached answer carries its UTF-8 bytes: their length is the body's.
  const length =
    body === null ? undefined : answer.utf8 ? answer.utf8.byteLength : Buffer.byteLength(body)
  const head = cachedHead(answer, method, origin, length, close, date)
  if (body === null || !bodyAllowed(answer.status)) {
    return { text: head, encoding: 'latin1', bytes: undefined }
  }
  if (bytes) return { text: head, encoding: 'latin1', bytes }
  return { text: head + body, encoding: 'utf8', bytes: undefined }
}

/** Heads by status, interceptor headers and the answer's own headers, without their tail. */
const heads = new Map<string, string>()
const MAX_HEADS = 256

/**
 * `wireHead` for an answer, from the part of it that repeats: the status line and every header
 * but `Content-Length`, `Connection` and `Date` (which Go's order puts last) are the same for
 * every answer with the same status and headers, and are kept once built. An answer that sets
 * one of the tail headers itself takes the full way.
 */
function cachedHead(
  answer: RenderedAnswer,
  method: string,
  origin: string | undefined,
  length: number | undefined,
  close: Closing,
  date: string,
): string {
  const own = answer.headers
  let key = `${answer.status}|${origin && corsAllowed(method) ? 1 : 0}`
  for (const name in own) {
    const value = own[name]!
    const lower = name.toLowerCase()
    // A line break would make two header lists one key; node:http refuses it anyway.
    if (
      lower === 'content-length' ||
      lower === 'connection' ||
      lower === 'date' ||
      name.includes('\n') ||
      value.includes('\n')
    ) {
      return fullHead(answer, method, origin, length, close, date)
    }
    key += `\n${name}\n${value}`
  }
  let prefix = heads.get(key)
  if (prefix === undefined) {
    const { names, values } = headerListOf(answer, method, origin)
    prefix = headPrefix(answer.status, undefined, names, values)
    if (heads.size >= MAX_HEADS) heads.clear()
    heads.set(key, prefix)
  }
  const allowed = bodyAllowed(answer.status)
  return (
    prefix +
    headTail(
      length !== undefined && allowed ? String(length) : undefined,
      close === 'server' ? 'close' : undefined,
      close,
      length === undefined && allowed,
      date,
    )
  )
}

function fullHead(
  answer: RenderedAnswer,
  method: string,
  origin: string | undefined,
  length: number | undefined,
  close: Closing,
  date: string,
): string {
  const { names, values } = headerListOf(answer, method, origin)
  return wireHead(answer.status, undefined, names, values, length, close, date)
}

/** Service Center's interceptor headers and the answer's own, in Go's canonical case. */
function headerListOf(answer: RenderedAnswer, method: string, origin: string | undefined) {
  const names: string[] = []
  const values: HeaderValue[] = []
  interceptorHeaders(method, origin, names, values)
  const own = answer.headers
  for (const name of Object.keys(own)) {
    setHeader(names, values, canonicalHeaderName(name), own[name]!)
  }
  return { names, values }
}

/**
 * Sets a header in a name/value list, replacing one of the same name.
 * @example
 * setHeader(names, values, 'Content-Type', 'text/plain; charset=UTF-8')
 */
export function setHeader(
  names: string[],
  values: HeaderValue[],
  name: string,
  value: HeaderValue,
): void {
  const at = names.indexOf(name)
  if (at >= 0) {
    names.splice(at, 1)
    values.splice(at, 1)
  }
  names.push(name)
  values.push(value)
}

/**
 * The status line and headers `writeHead` has Node write for these headers (a flat list in
 * Go's order, see `flattenInGoOrder`) on a kept-alive connection whose `Connection` header was
 * removed: `Content-Length` when the body has one (`bodyLength`) and the status allows a body,
 * `Connection: close` when the server closes, Node's `Date`, `Connection: close` when the
 * client asked to close, and chunked framing with its empty last chunk
 * for a body-less answer of a status that allows one. Throws on what `writeHead` refuses.
 * @example
 * wireHead(200, undefined, ['Content-Type'], ['text/plain'], 0, false, httpDate())
 */
export function wireHead(
  status: number,
  statusText: string | undefined,
  names: string[],
  values: HeaderValue[],
  bodyLength: number | undefined,
  close: Closing,
  date: string,
): string {
  const allowed = bodyAllowed(status)
  // Go's order writes these two after every other header.
  let length = takeHeader(names, values, 'Content-Length')
  let connection = takeHeader(names, values, 'Connection')
  if (length === undefined && bodyLength !== undefined && allowed) length = String(bodyLength)
  if (close === 'server') connection = 'close'
  return (
    headPrefix(status, statusText, names, values) +
    headTail(
      length,
      connection,
      close,
      bodyLength === undefined && allowed && length === undefined,
      date,
    )
  )
}

/** Removes a header from a name/value list and gives its value. */
function takeHeader(names: string[], values: HeaderValue[], name: string): HeaderValue | undefined {
  const at = names.indexOf(name)
  if (at < 0) return undefined
  const value = values[at]
  names.splice(at, 1)
  values.splice(at, 1)
  return value
}

/** The status line and the headers in Go's order, checked as `writeHead` checks them. */
function headPrefix(
  status: number,
  statusText: string | undefined,
  names: readonly string[],
  values: readonly HeaderValue[],
): string {
  const reason = statusText ?? STATUS_CODES[status] ?? 'unknown'
  if (INVALID_VALUE.test(reason)) throw new TypeError('Invalid character in the status text')
  const flat = flattenInGoOrder(names, values)
  let text = `HTTP/1.1 ${status} ${reason}\r\n`
  for (let i = 0; i < flat.length; i += 2) text += headerLine(flat[i]!, flat[i + 1]!)
  return text
}

/**
 * What follows the other headers: `Content-Length` and `Connection` (Go writes them last),
 * Node's `Date`, the `Connection: close` Node adds for a client that asked to close, and
 * chunked framing with its empty last chunk where Node was told no length.
 */
function headTail(
  length: HeaderValue | undefined,
  connection: HeaderValue | undefined,
  close: Closing,
  chunked: boolean,
  date: string,
): string {
  let text = ''
  if (length !== undefined) text += headerLines('Content-Length', length)
  if (connection !== undefined) text += headerLines('Connection', connection)
  text += `Date: ${date}\r\n`
  if (close === 'client' && connection === undefined) text += 'Connection: close\r\n'
  return chunked ? `${text}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n` : `${text}\r\n`
}

function headerLines(name: string, value: HeaderValue): string {
  if (!Array.isArray(value)) return headerLine(name, String(value))
  let text = ''
  for (const item of value) text += headerLine(name, String(item))
  return text
}

function headerLine(name: string, value: string): string {
  if (!isHttpToken(name) || INVALID_VALUE.test(value)) {
    throw new TypeError(`Invalid header ${JSON.stringify(name)}`)
  }
  return `${name}: ${value}\r\n`
}

let dateSecond = -1
let dateText = ''

/**
 * The `Date` header's value as Node writes it, formatted once a second.
 * @example
 * httpDate() // 'Wed, 02 Dec 2026 05:00:00 GMT'
 */
export function httpDate(): string {
  const now = Date.now()
  const second = Math.floor(now / 1000)
  if (second !== dateSecond) {
    dateSecond = second
    dateText = new Date(now).toUTCString()
  }
  return dateText
}
