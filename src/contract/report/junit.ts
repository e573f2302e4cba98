import type { CheckResult } from '../framework/check-log.ts'
import type { SuiteReport } from '../framework/run-suite.ts'

/**
 * Renders a run as JUnit XML: one `<testsuite>` per scenario, one `<testcase>` per check named
 * `operationId: rule`, with `<failure>` or `<skipped>` carrying the message.
 * @example
 * writeFileSync('contract.xml', toJUnitXml(report))
 */
export function toJUnitXml(report: SuiteReport): string {
  const suites = report.scenarios.map((scenario) => {
    const checks = report.checks.filter((c) => c.scenario === scenario.name)
    const failed = checks.filter((c) => c.outcome === 'failed').length
    const skipped = checks.filter((c) => c.outcome === 'skipped').length
    const time = (scenario.durationMs / 1000).toFixed(3)
    return [
      `  <testsuite name="${xml(scenario.name)}" tests="${checks.length}" failures="${failed}" skipped="${skipped}" time="${time}">`,
      ...checks.map((check) => testcase(scenario.name, check)),
      '  </testsuite>',
    ].join('\n')
  })
  const failures = report.checks.filter((c) => c.outcome === 'failed').length
  const time = (report.durationMs / 1000).toFixed(3)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cse-mock contract ${xml(report.baseUrl)}" tests="${report.checks.length}" failures="${failures}" time="${time}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}

function testcase(scenario: string, check: CheckResult): string {
  const open = `    <testcase classname="${xml(scenario)}" name="${xml(`${check.operationId}: ${check.rule}`)}"`
  if (check.outcome === 'passed') return `${open}/>`
  const message = xml(check.message ?? '')
  const inner =
    check.outcome === 'failed'
      ? `<failure message="${message}">${message}</failure>`
      : `<skipped message="${message}"/>`
  return `${open}>${inner}</testcase>`
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g

function xml(text: string): string {
  return text
    .replace(INVALID, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}
