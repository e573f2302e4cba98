import { controlApiDocument } from '../spec/compile.ts'

const METHODS = ['get', 'put', 'post', 'delete', 'patch']

/** Each control path of spec/cse-mock-control.yaml as a pattern, with its methods. */
const TABLE = Object.entries(controlApiDocument.paths).map(([path, item]) => ({
  pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  methods: METHODS.filter((method) => item[method] !== undefined).map((method) =>
    method.toUpperCase(),
  ),
}))

/**
 * The methods spec/cse-mock-control.yaml declares for a control path, for the `Allow` header of
 * a 405; empty for a path it does not describe.
 * @example
 * allowedControlMethods('/__cse-mock/faults') // ['GET', 'POST', 'DELETE']
 */
export function allowedControlMethods(pathname: string): string[] {
  return TABLE.find((entry) => entry.pattern.test(pathname))?.methods ?? []
}
