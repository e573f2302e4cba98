import { INSPECTOR_PATH } from '../../control/index.ts'
import { type CseMock, createCseMock } from '../../mock.ts'
import { saveSnapshotFileSync } from '../../seed/fixtures-node.ts'
import { CseMockServerError } from '../../server/errors.ts'
import { startCseMockServer } from '../../server/start-server.ts'
import { shadowInspectorObserver } from '../../shadow/inspector-observer.ts'
import { type CliIo, defineCommand } from '../command.ts'
import { createLineBuffer } from '../line-buffer.ts'
import { formatEvent, formatRequestLine } from '../log-format.ts'
import { readServeSettings, SERVE_FLAGS, type ServeSettings } from '../serve-settings.ts'
import { signalExitCode, startedByNpm, watchShutdownSignals } from '../shutdown-signals.ts'
import { CliUsageError } from '../usage-error.ts'

/**
 * `cse-mock serve`: the registry on a real port until SIGINT or SIGTERM (or, when npm started
 * it, until its parent process exits).
 * @example
 * const code = await serveCommand.run(['--port', '0', '--seed', '42'], processIo)
 */
export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Run the registry mock as an HTTP + websocket server',
  flags: SERVE_FLAGS,
  async run(argv, io) {
    const settings = await readServeSettings(argv)
    if (settings.shadow) {
      const { live } = settings.shadow
      // Imported here: a plain `serve` starts without the shadow proxy and the live import.
      const { runShadow } = await import('./serve-shadow.ts')
      // The mock's inspector (served beside it, named in the ready line) shows the session.
      return runShadow(settings, settings.shadow, io, (mock) => [
        shadowInspectorObserver(mock, { live }),
      ])
    }
    const mock = await createMock(settings)
    let requests = 0
    const requestLines = createLineBuffer((text) => io.out(text))
    const log = (event: string, message: string, fields: Record<string, unknown> = {}) => {
      requestLines.flush()
      io.out(formatEvent(event, message, fields, settings.logFormat))
    }
    let server: Awaited<ReturnType<typeof startCseMockServer>>
    try {
      server = await startCseMockServer({
        mock,
        host: settings.host,
        port: settings.port,
        pingIntervalMs: settings.pingIntervalMs,
        shutdownTimeoutMs: settings.shutdownTimeoutMs,
        fastPath: settings.fastPath,
        ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
        onError: (error, source) =>
          io.err(
            `cse-mock serve: a ${source} handler failed (the server keeps running): ${String(error)}`,
          ),
        onRequest: (entry) => {
          requests += 1
          if (!settings.quiet) requestLines.push(formatRequestLine(entry, settings.logFormat))
        },
      })
    } catch (error) {
      if (!(error instanceof CseMockServerError)) throw error
      io.err(`cse-mock serve: ${error.message}`)
      return 1
    }
    // Listen for signals before the ready line: a harness may send one as soon as it reads it.
    const signals = watchShutdownSignals({ watchParent: startedByNpm() })
    const profile = mock.registry.profile
    const counts = mock.registry.stats()
    const inspector = `${server.url}${INSPECTOR_PATH}`
    log(
      'listening',
      `cse-mock listening on ${server.url} (profile ${profile}, ${counts.services} services, ${counts.instances} instances); inspector at ${inspector}`,
      {
        url: server.url,
        profile,
        services: counts.services,
        instances: counts.instances,
        inspector,
      },
    )
    const reason = await signals.first
    if (reason === 'parent-exit') {
      // Parent 1: init had adopted the process before it could note its real parent.
      const which = signals.parent === 1 ? '' : ` ${signals.parent}`
      log('stopping', `cse-mock's parent process${which} exited, finishing in-flight requests`, {
        reason,
        parent: signals.parent,
      })
    } else {
      log('stopping', `cse-mock received ${reason}, finishing in-flight requests`, {
        signal: reason,
      })
    }
    const file = settings.snapshotOnExit
    // The snapshot is written before anything else can go wrong, and again after the last
    // request: a second signal (an orchestrator's SIGKILL comes after one) still leaves a file.
    signals.onRepeat((again) => {
      log('stopping', `cse-mock received ${again} again, stopping now`, { signal: again })
      let code = signalExitCode(again)
      if (file) {
        try {
          saveSnapshotFileSync(file, mock.snapshot())
          logSnapshot(mock, file, log)
        } catch (error) {
          io.err(`cse-mock serve: failed to write the snapshot to '${file}': ${String(error)}`)
          code = 1
        }
      }
      process.exit(code)
    })
    if (file && !writeSnapshot(mock, file, io)) return 1
    await server.close()
    if (file) {
      if (!writeSnapshot(mock, file, io)) return 1
      logSnapshot(mock, file, log)
    }
    log('stopped', `cse-mock stopped after ${requests} request${requests === 1 ? '' : 's'}`, {
      requests,
    })
    return 0
  },
})

async function createMock(settings: ServeSettings): Promise<CseMock> {
  try {
    return await createCseMock(settings.mockOptions)
  } catch (error) {
    if (settings.fixture === undefined) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new CliUsageError(`--fixture: '${settings.fixture}' could not be restored: ${reason}`, {
      cause: error,
    })
  }
}

/**
 * Written synchronously: a second signal can arrive at any moment, and the process exits in its
 * handler; a write still pending then would leave its temporary file behind.
 */
function writeSnapshot(mock: CseMock, path: string, io: CliIo): boolean {
  try {
    saveSnapshotFileSync(path, mock.snapshot())
    return true
  } catch (error) {
    io.err(`cse-mock serve: failed to write the snapshot to '${path}': ${String(error)}`)
    return false
  }
}

function logSnapshot(
  mock: CseMock,
  path: string,
  log: (event: string, message: string, fields?: Record<string, unknown>) => void,
): void {
  const { services, instances } = mock.registry.stats()
  log(
    'snapshot',
    `cse-mock wrote a snapshot (${services} services, ${instances} instances) to ${path}`,
    { path, services, instances },
  )
}
