import { readFileSync } from 'node:fs'
import Ajv2020Module from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { expect } from 'vitest'
import { parse } from 'yaml'
import { BASE_URL } from '../faults/support.ts'

/** The control API's OpenAPI document, parsed. */
export const controlDocument = parse(
  readFileSync(new URL('../../spec/cse-mock-control.yaml', import.meta.url), 'utf8'),
) as OpenApiDocument

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>
  components: { responses: Record<string, ResponseObject> }
}
interface ResponseObject {
  $ref?: string
  content?: Record<string, { schema: unknown }>
}

const DOCUMENT_ID = 'cse-mock-control'
// The whole document is registered, so schemas are compiled where they stand and their
// `#/components/...` references resolve inside it.
const ajv = new Ajv2020Module.default({ strict: false, allErrors: true })
addFormatsModule.default(ajv)
ajv.addSchema(controlDocument, DOCUMENT_ID)

const pointer = (...segments: string[]) =>
  segments.map((s) => `/${encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('')

/**
 * Checks a control API response against the document: the status must be documented for the
 * operation, and the body must match that response's schema (or be empty when it has none).
 * Returns the parsed body.
 */
export async function expectSpecResponse(
  response: Response,
  method: string,
  path: string,
): Promise<unknown> {
  const operation = controlDocument.paths[path]?.[method.toLowerCase()]
  expect(operation, `${method} ${path} is in the document`).toBeDefined()
  const status = String(response.status)
  let declared = operation!.responses[status]
  let location = pointer('paths', path, method.toLowerCase(), 'responses', status)
  expect(declared, `${method} ${path} documents status ${status}`).toBeDefined()
  if (declared!.$ref) {
    const name = declared!.$ref.replace('#/components/responses/', '')
    declared = controlDocument.components.responses[name]
    location = pointer('components', 'responses', name)
  }
  const text = await response.text()
  if (!declared!.content) {
    expect(text, `${method} ${path} ${status} has no body`).toBe('')
    return undefined
  }
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body: unknown = JSON.parse(text)
  const validate = ajv.getSchema(
    `${DOCUMENT_ID}#${location}${pointer('content', 'application/json', 'schema')}`,
  )
  expect(validate, 'the response schema compiles').toBeDefined()
  const valid = validate!(body)
  expect(
    valid ? [] : validate!.errors,
    `${method} ${path} ${status} body matches the document`,
  ).toEqual([])
  return body
}

/** Calls the control API; `body` is sent as JSON unless it is already a string. */
export function control(method: string, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method }
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json' }
  }
  return fetch(`${BASE_URL}/__cse-mock${path}`, init)
}

/** Checks an error answer against the document and returns nothing; the code must match. */
export async function expectControlError(
  response: Response,
  method: string,
  path: string,
  code: string,
) {
  const body = (await expectSpecResponse(response, method, path)) as { error: { code: string } }
  expect(body.error.code).toBe(code)
}
