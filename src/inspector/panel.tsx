import { render } from 'preact'
import type { InspectorClient } from '../control/inspector-client.ts'
import type { InspectorPanel, InspectorPanelOptions } from '../control/inspector-panel.ts'
import { InspectorApp } from './app.tsx'
import { createInspectorStore } from './store.ts'
import css from './styles.css?inline'

/**
 * Mounts the inspector as a collapsible panel at the bottom of the page, in a shadow root so the
 * page's styles and the inspector's do not reach each other.
 * @example
 * mountInspectorPanel(createMockInspectorClient(mock), { open: true })
 */
export function mountInspectorPanel(
  client: InspectorClient,
  options: InspectorPanelOptions = {},
): InspectorPanel {
  const host = document.createElement('cse-mock-inspector')
  const shadow = host.attachShadow({ mode: 'open' })
  const style = document.createElement('style')
  style.textContent = css
  const toggle = document.createElement('button')
  toggle.type = 'button'
  toggle.className = 'cm-toggle'
  toggle.textContent = '◆ cse-mock'
  toggle.setAttribute('aria-label', 'Open the cse-mock inspector')
  const frame = document.createElement('div')
  frame.className = 'cm-panel'
  shadow.append(style, toggle, frame)
  ;(options.parent ?? document.body).append(host)

  const store = createInspectorStore(client)
  let opened = false
  const open = () => {
    if (opened) return
    opened = true
    frame.classList.add('cm-panel-open')
    toggle.hidden = true
    render(<InspectorApp store={store} onClose={close} />, frame)
  }
  const close = () => {
    if (!opened) return
    opened = false
    // Unrendering stops the store's subscription: a collapsed panel costs the page nothing.
    render(null, frame)
    frame.classList.remove('cm-panel-open')
    toggle.hidden = false
  }
  toggle.addEventListener('click', open)
  if (options.open) open()
  return {
    host,
    open,
    close,
    unmount() {
      close()
      host.remove()
    },
  }
}
