import { describe, expect, it } from 'vitest'
import openapi from '../../src/generated/openapi.json' with { type: 'json' }
import { compileSchema } from '../../src/spec/compile.ts'
import { type JsonSchema, listOperations } from '../../src/spec/document.ts'
import { toIssues } from '../../src/spec/issues.ts'
import { createSpecValidator, type ValidationIssue } from '../../src/spec/validators.ts'

type Node = Record<string, unknown>

const validator = createSpecValidator()
const doc = openapi as unknown as Node

function resolve(node: unknown): Node {
  let current = node as Node
  while (typeof current.$ref === 'string') {
    let target: unknown = doc
    for (const key of current.$ref.slice(2).split('/')) target = (target as Node)[key]
    current = target as Node
  }
  return current
}

/** The example values of a parameter, header or media type, with a label each. */
function examplesOf(node: Node): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = []
  if ('example' in node) found.push(['example', node.example])
  for (const [name, entry] of Object.entries((node.examples ?? {}) as Node)) {
    found.push([name, resolve(entry).value])
  }
  return found
}

const operationNodes = listOperations().map((operation) => {
  const item = (doc.paths as Record<string, Node>)[operation.path] as Node
  return { operation, item, node: item[operation.method] as Node }
})

describe('examples in the spec', () => {
  it('of parameters validate against their parameter schema', () => {
    let count = 0
    for (const { operation, item, node } of operationNodes) {
      const parameters = [
        ...((item.parameters ?? []) as Node[]),
        ...((node.parameters ?? []) as Node[]),
      ]
      for (const parameter of parameters.map(resolve)) {
        for (const [label, value] of examplesOf(parameter)) {
          const where = parameter.in === 'header' ? 'headers' : parameter.in
          const issues = validator
            .request(operation.operationId, {
              [where as string]: { [String(parameter.name)]: value },
            })
            .filter((issue) => issue.name === parameter.name && issue.location === parameter.in)
          expect(issues, `${operation.operationId} ${String(parameter.name)} ${label}`).toEqual([])
          count++
        }
      }
    }
    expect(count).toBeGreaterThan(40)
  })

  it('of request bodies validate, and every operation with a body has one', () => {
    for (const { operation, node } of operationNodes) {
      if (!node.requestBody) continue
      const media = (resolve(node.requestBody).content as Record<string, Node>)['application/json']
      const examples = examplesOf(media as Node)
      expect(examples.length, operation.operationId).toBeGreaterThan(0)
      for (const [label, body] of examples) {
        const issues = validator
          .request(operation.operationId, { body })
          .filter((issue) => issue.location === 'body')
        expect(issues, `${operation.operationId} ${label}`).toEqual([])
      }
    }
  })

  it('of responses and response headers validate, and every success body has one', () => {
    for (const { operation, node } of operationNodes) {
      for (const [status, raw] of Object.entries(node.responses as Node)) {
        const response = resolve(raw)
        for (const [name, header] of Object.entries((response.headers ?? {}) as Node)) {
          for (const [label, value] of examplesOf(resolve(header))) {
            const issues = validator
              .response(operation.operationId, { status, headers: { [name]: value as string } })
              .filter((issue) => issue.location === 'header' && issue.name === name)
            expect(issues, `${operation.operationId} ${status} ${name} ${label}`).toEqual([])
          }
        }
        for (const [type, media] of Object.entries(
          (response.content ?? {}) as Record<string, Node>,
        )) {
          const examples = examplesOf(media)
          const emptyText = (media.schema as Node | undefined)?.maxLength === 0
          if (status.startsWith('2') && !emptyText) {
            expect(examples.length, `${operation.operationId} ${status} ${type}`).toBeGreaterThan(0)
          }
          for (const [label, body] of examples) {
            const issues = validator
              .response(operation.operationId, { status, body })
              .filter((issue) => issue.location === 'body')
            expect(issues, `${operation.operationId} ${status} ${label}`).toEqual([])
          }
        }
      }
    }
  })

  it('of component schemas validate against their component', () => {
    const schemas = (doc.components as Node).schemas as Record<string, Node>
    let count = 0
    for (const [name, schema] of Object.entries(schemas)) {
      for (const value of (schema.examples ?? []) as unknown[]) {
        expect(validator.schema(name, value), name).toEqual([])
        count++
      }
    }
    expect(count).toBeGreaterThan(15)
  })

  it('anywhere else (nested schemas, shared parameters, headers and responses) validate too', () => {
    const problems: Array<{ at: string; issues: ValidationIssue[] }> = []
    let count = 0
    const check = (at: string, schema: unknown, value: unknown) => {
      count++
      const validate = compileSchema(`example-walk:${at}`, schema as JsonSchema)
      if (!validate(value))
        problems.push({ at, issues: toIssues('body', '', value, validate.errors ?? []) })
    }
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        node.forEach((entry, i) => {
          walk(entry, `${at}/${i}`)
        })
        return
      }
      if (!node || typeof node !== 'object') return
      const object = node as Node
      // Parameters, headers and media types: an example next to a `schema`.
      if (object.schema && typeof object.schema === 'object') {
        for (const [label, value] of examplesOf(object))
          check(`${at}#${label}`, object.schema, value)
      }
      // Schema objects: JSON Schema's `examples` array.
      if (Array.isArray(object.examples) && ('type' in object || '$ref' in object)) {
        object.examples.forEach((value, i) => {
          check(`${at}/examples/${i}`, object, value)
        })
      }
      for (const [key, value] of Object.entries(object)) {
        if (key !== 'examples' && key !== 'example') walk(value, `${at}/${key}`)
      }
    }
    walk(doc, '#')
    expect(problems).toEqual([])
    expect(count).toBeGreaterThan(100)
  })

  it("include the registration payload of Huawei's documentation, verbatim", () => {
    const register = operationNodes.find(
      (entry) => entry.operation.operationId === 'registerInstance',
    )
    const media = (resolve(register?.node.requestBody).content as Record<string, Node>)[
      'application/json'
    ]
    const examples = (media?.examples ?? {}) as Node
    const example = resolve(examples.huaweiDocumentation)
    expect(example.value).toStrictEqual({
      instance: {
        endpoints: ['grpc://127.0.1.312:9980', 'rest://127.0.0.111:8081'],
        hostName: 'localhost',
        status: 'UP',
        stage: 'dev',
        properties: { _TAGS: 'A, B', attr1: 'a', nodeIP: '127.0.0.1' },
        dataCenterInfo: { name: 'dc', region: 'r1', availableZone: 'az1' },
        healthCheck: { mode: 'push', interval: 30, times: 3 },
      },
    })
    expect(JSON.stringify(example.value)).toBe(
      '{"instance":{"endpoints":["grpc://127.0.1.312:9980","rest://127.0.0.111:8081"],"hostName":"localhost","status":"UP","stage":"dev","properties":{"_TAGS":"A, B","attr1":"a","nodeIP":"127.0.0.1"},"dataCenterInfo":{"name":"dc","region":"r1","availableZone":"az1"},"healthCheck":{"mode":"push","interval":30,"times":3}}}',
    )
  })
})
