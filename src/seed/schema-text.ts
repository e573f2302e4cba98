import { capitalize } from './names.ts'

/**
 * A small OpenAPI 3.0 contract in YAML, shaped like the ones ServiceComb SDKs register: a list
 * and a get-by-id operation on one resource, served under the service's base path.
 * @example
 * schemaText({ title: 'OrderEndpoint', version: '1.0.0', basePath: '/order-service', resource: 'order' })
 */
export function schemaText(contract: {
  title: string
  version: string
  basePath: string
  resource: string
}): string {
  const { title, version, basePath, resource } = contract
  const plural = `${resource}s`
  const type = capitalize(resource)
  return `openapi: 3.0.1
info:
  title: ${title}
  version: ${version}
servers:
  - url: ${basePath}
paths:
  /${plural}:
    get:
      operationId: list${capitalize(plural)}
      responses:
        "200":
          description: the ${plural}
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/${type}"
  /${plural}/{id}:
    get:
      operationId: get${type}
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: one ${resource}
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/${type}"
components:
  schemas:
    ${type}:
      type: object
      properties:
        id:
          type: string
        name:
          type: string
`
}
