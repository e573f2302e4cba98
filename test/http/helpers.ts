/** Shared plumbing of the wire tests: one mock per file, `fetch` calls checked against the spec. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { components } from '../../src/generated/schema.ts'
import { findOperation } from '../../src/http/operations.ts'
import { type NodeCseMock, type SetupCseMockOptions, setupCseMock } from '../../src/node.ts'
import { ERROR_MESSAGES, type ErrorCode } from '../../src/registry/index.ts'
import { createSpecValidator } from '../../src/spec/validators.ts'

export type Schemas = components['schemas']
export type MicroService = Schemas['MicroService']
export type MicroServiceInstance = Schemas['MicroServiceInstance']

/** The origin the tests talk to; msw answers it in-process. */
export const ORIGIN = 'http://cse.test'
/** The registry root of the default project. */
export const ROOT = `${ORIGIN}/v4/default/registry`

export const JSON_TYPE = 'application/json; charset=UTF-8'
export const TEXT_TYPE = 'text/plain; charset=UTF-8'

const validator = createSpecValidator()

/** A response as the tests read it. */
export interface Reply<T = unknown> {
  status: number
  headers: Headers
  /** The parsed JSON, or the raw text for any other body (`''` when empty). */
  body: T
  text: string
}

/** What to send besides method and path. */
export interface SendOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown
  /** Sent as it is. */
  body?: string
  headers?: Record<string, string>
}

/**
 * Calls the mock with the global `fetch` and checks what every answer must satisfy: the spec
 * of its operation, the registry's content types and, for errors, the envelope with
 * HTTP status = code / 1000. `path` is relative to `/v4/default/registry` unless it starts
 * with `/v4`.
 */
export async function send<T = unknown>(
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Reply<T>> {
  const url = path.startsWith('http')
    ? path
    : path.startsWith('/v4')
      ? `${ORIGIN}${path}`
      : `${ROOT}${path}`
  const headers: Record<string, string> = { ...options.headers }
  const init: RequestInit = { method, headers }
  if (options.json !== undefined) {
    init.body = JSON.stringify(options.json)
    headers['Content-Type'] ??= 'application/json'
  } else if (options.body !== undefined) {
    init.body = options.body
  }
  const response = await fetch(url, init)
  const text = await response.text()
  const contentType = response.headers.get('content-type')
  const body = contentType?.startsWith('application/json') ? JSON.parse(text) : text
  const reply: Reply<T> = { status: response.status, headers: response.headers, body, text }
  checkWire(`${method} ${path}`, reply, contentType)
  const operation = findOperation(method, new URL(url).pathname)?.operation
  if (operation) {
    const issues = validator.response(operation.operationId, {
      status: reply.status,
      headers: reply.headers,
      body: text === '' ? undefined : body,
    })
    expect(
      issues,
      `${method} ${path} answers as the spec of ${operation.operationId} says`,
    ).toEqual([])
  }
  return reply
}

function checkWire(call: string, reply: Reply, contentType: string | null) {
  if (reply.status === 304) {
    expect(reply.text, `${call}: a 304 has no body`).toBe('')
    expect(contentType, `${call}: a 304 has no Content-Type`).toBeNull()
    return
  }
  if (reply.status === 200 && reply.text === '') {
    expect(contentType, `${call}: an empty 200 is text/plain`).toBe(TEXT_TYPE)
    return
  }
  if (contentType === JSON_TYPE && reply.status >= 400) {
    const envelope = reply.body as Record<string, unknown>
    const code = envelope.errorCode
    expect(typeof code, `${call}: errorCode is a string`).toBe('string')
    expect(code, `${call}: errorCode has six digits`).toMatch(/^\d{6}$/)
    expect(reply.status, `${call}: HTTP status = errorCode / 1000`).toBe(
      Math.floor(Number(code) / 1000),
    )
    expect(envelope.errorMessage, `${call}: errorMessage is the code's fixed text`).toBe(
      ERROR_MESSAGES[code as ErrorCode],
    )
    const extra = Object.keys(envelope).filter(
      (key) => !['errorCode', 'errorMessage', 'detail'].includes(key),
    )
    expect(extra, `${call}: the envelope has no other fields`).toEqual([])
    if ('detail' in envelope)
      expect(envelope.detail, `${call}: detail is omitted when empty`).not.toBe('')
    return
  }
  if (reply.status === 200) expect(contentType, `${call}: a JSON 200`).toBe(JSON_TYPE)
}

/** `send` with method GET. */
export const get = <T = unknown>(path: string, options?: SendOptions) =>
  send<T>('GET', path, options)
/** `send` with method POST and a JSON body. */
export const post = <T = unknown>(path: string, json?: unknown, options?: SendOptions) =>
  send<T>('POST', path, { ...options, json })
/** `send` with method PUT and a JSON body. */
export const put = <T = unknown>(path: string, json?: unknown, options?: SendOptions) =>
  send<T>('PUT', path, { ...options, json })
/** `send` with method DELETE and an optional JSON body. */
export const del = <T = unknown>(path: string, json?: unknown, options?: SendOptions) =>
  send<T>('DELETE', path, { ...options, json })

/** Asserts the registry's error envelope with this code (status and message are checked by `send`). */
export function expectError(reply: Reply, code: ErrorCode, detail?: string | RegExp) {
  expect(reply.headers.get('content-type')).toBe(JSON_TYPE)
  expect(reply.status).toBe(Math.floor(Number(code) / 1000))
  expect(reply.body).toMatchObject({ errorCode: code, errorMessage: ERROR_MESSAGES[code] })
  if (detail !== undefined) expect((reply.body as { detail?: string }).detail).toMatch(detail)
}

/** Asserts the empty-bodied 200 of a mutation. */
export function expectEmptyOk(reply: Reply) {
  expect({ status: reply.status, text: reply.text }).toEqual({ status: 200, text: '' })
  expect(reply.headers.get('content-type')).toBe(TEXT_TYPE)
}

/** Asserts a JSON 200 and returns its body. */
export function expectJsonOk<T>(reply: Reply<T>): T {
  expect(reply.status, reply.text).toBe(200)
  expect(reply.headers.get('content-type')).toBe(JSON_TYPE)
  return reply.body
}

/** The handle on the file's mock, and the operationIds its request log has seen so far. */
export interface MockHandle {
  mock(): NodeCseMock
  readonly exercised: Set<string>
}

/**
 * One mock for the whole file, on the virtual clock, listening for `fetch`; reset after each
 * test (after its request log has been read into `exercised`).
 */
export function useCseMock(options: SetupCseMockOptions = {}): MockHandle {
  let current: NodeCseMock | undefined
  const exercised = new Set<string>()
  beforeAll(async () => {
    current = await setupCseMock({ clock: 'virtual', baseUrl: ORIGIN, ...options })
    current.listen()
  })
  afterEach(async () => {
    if (!current) return
    for (const entry of current.requests.list()) {
      if (entry.operationId) exercised.add(entry.operationId)
    }
    await current.reset()
  })
  afterAll(() => current?.close())
  return {
    mock() {
      if (!current) throw new Error('the mock is not set up yet')
      return current
    },
    exercised,
  }
}

/**
 * The last test of a file: its request log saw every operation the file claims to cover.
 * Call it at the end of the file, so it runs after all the others.
 */
export function itExercises(handle: MockHandle, operationIds: readonly string[]) {
  it('exercised every operation it covers, as its request log shows', () => {
    const missing = operationIds.filter((id) => !handle.exercised.has(id))
    expect(missing).toEqual([])
  })
}

let port = 8000

/** Creates a service (appId `shop`, version `1.0.0` unless given) and returns its id. */
export async function createService(
  service: Partial<MicroService> = {},
  options?: SendOptions,
): Promise<string> {
  const reply = await post<{ serviceId: string }>(
    '/microservices',
    { service: { serviceName: 'cart', appId: 'shop', version: '1.0.0', ...service } },
    options,
  )
  return expectJsonOk(reply).serviceId
}

/** Registers an instance on a fresh endpoint and returns its id. */
export async function registerInstance(
  serviceId: string,
  instance: Partial<MicroServiceInstance> = {},
  options?: SendOptions,
): Promise<string> {
  port++
  const reply = await post<{ instanceId: string }>(
    `/microservices/${serviceId}/instances`,
    { instance: { hostName: 'node-1', endpoints: [`rest://10.0.0.1:${port}`], ...instance } },
    options,
  )
  return expectJsonOk(reply).instanceId
}

/** Reads one instance back. */
export async function readInstance(serviceId: string, instanceId: string) {
  const reply = await get<{ instance: MicroServiceInstance }>(
    `/microservices/${serviceId}/instances/${instanceId}`,
  )
  return expectJsonOk(reply).instance
}

/** Reads one service back. */
export async function readService(serviceId: string) {
  const reply = await get<{ service: MicroService }>(`/microservices/${serviceId}`)
  return expectJsonOk(reply).service
}

/** A string of `bytes` ASCII characters. */
export function filler(bytes: number): string {
  return 'x'.repeat(bytes)
}
