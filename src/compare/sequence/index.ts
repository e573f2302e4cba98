import type { CompareStep } from '../types.ts'
import { cleanupSteps, instanceSteps } from './instance-steps.ts'
import { schemaSteps } from './schema-steps.ts'
import { serviceSteps } from './service-steps.ts'
import { systemSteps } from './system-steps.ts'

/**
 * The whole comparison sequence: every registry operation with its errors and edge cases,
 * under one application name so a run can share a registry with others.
 * @example
 * const steps = createSequence(`cmp-${Date.now()}`)
 */
export function createSequence(app: string): CompareStep[] {
  return [
    ...systemSteps(),
    ...serviceSteps(app),
    ...schemaSteps(app),
    ...instanceSteps(app),
    ...cleanupSteps(app),
  ]
}
