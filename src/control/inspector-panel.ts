import type { InspectorClient } from './inspector-client.ts'

/**
 * The embedded inspector once mounted: open or collapse it, or take it out of the page.
 * @example
 * const panel = await mountCseMockInspector(mock)
 * panel.open()
 */
export interface InspectorPanel {
  /** The host element; the panel lives in its shadow root. */
  readonly host: HTMLElement
  open(): void
  close(): void
  unmount(): void
}

/**
 * Where and how to mount the panel.
 * @example
 * const options: InspectorPanelOptions = { open: true }
 */
export interface InspectorPanelOptions {
  /** Start open instead of as the small button at the bottom right. */
  open?: boolean
  /** The element to append the panel's host to; default `document.body`. */
  parent?: HTMLElement
}

/**
 * What the built panel bundle (`dist/inspector/panel.js`) exports.
 * @example
 * const bundle: InspectorPanelModule = await import('../dist/inspector/panel.js')
 */
export interface InspectorPanelModule {
  mountInspectorPanel(client: InspectorClient, options?: InspectorPanelOptions): InspectorPanel
}
