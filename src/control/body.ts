import { ControlError } from './respond.ts'

/** Snapshots of large registries are the biggest bodies; anything past this is a mistake. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

/**
 * Reads a control call's JSON body; an empty body is `undefined`, anything that is not JSON
 * is a 400 `INVALID_JSON`.
 * @example
 * const body = await readControlBody(request)
 */
export async function readControlBody(request: Request): Promise<unknown> {
  const text = await request.text()
  if (text.length > MAX_BODY_BYTES) {
    throw new ControlError(
      413,
      'BODY_TOO_LARGE',
      `The body has ${text.length} characters; the control API takes at most ${MAX_BODY_BYTES}.`,
    )
  }
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ControlError(
      400,
      'INVALID_JSON',
      `The body is not JSON: ${(error as Error).message}.`,
    )
  }
}

/**
 * Requires a JSON object body; `what` names it in the error.
 * @example
 * const body = objectBody(await readControlBody(request), 'the profile body')
 */
export function objectBody(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlError(
      400,
      'INVALID_BODY',
      `Expected ${what} to be a JSON object, got ${kindOf(body)}.`,
    )
  }
  return body as Record<string, unknown>
}

/**
 * Names the JSON type of a value for error messages, without echoing a possibly large value.
 * @example
 * kindOf([1, 2]) // 'an array'
 */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
