import { readLimited } from '../http/read-limited.ts'
import { ControlError } from './respond.ts'

/** Snapshots of large registries are the biggest bodies; anything past this is a mistake. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

/**
 * Reads a control call's JSON body; an empty body is `undefined`, anything that is not JSON
 * is a 400 `INVALID_JSON`, a body over 32 MiB (declared or streamed) a 413 `BODY_TOO_LARGE`
 * answered before more than the limit is held in memory.
 * @example
 * const body = await readControlBody(request)
 */
export async function readControlBody(request: Request): Promise<unknown> {
  if (!request.body) return undefined
  const declared = Number(request.headers.get('content-length'))
  if (declared > MAX_BODY_BYTES) throw tooLarge(declared)
  const bytes = await readLimited(request.body, MAX_BODY_BYTES, (seen) =>
    tooLarge(seen, 'at least '),
  )
  const text = new TextDecoder().decode(bytes)
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

function tooLarge(size: number, atLeast = ''): ControlError {
  return new ControlError(
    413,
    'BODY_TOO_LARGE',
    `The body has ${atLeast}${size} bytes; the control API takes at most ${MAX_BODY_BYTES}.`,
  )
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
