// Prints vitest's JSON report as one plain closing line: "tests: N passed, N failed, N skipped".
import { readFile } from 'node:fs/promises'

const file = process.argv[2] ?? '.tmp/vitest-report.json'
const report = JSON.parse(await readFile(file, 'utf8')) as {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}
const skipped = report.numPendingTests + report.numTodoTests
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`,
)
