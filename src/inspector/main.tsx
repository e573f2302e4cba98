import { render } from 'preact'
import { InspectorApp } from './app.tsx'
import { createHttpInspectorClient } from './http-client.ts'
import { createInspectorStore } from './store.ts'
import './styles.css'

// The page served at /__cse-mock/ui: the control API of the same origin. With accounts
// configured it needs the registry's token: from `?token=`, or asked for and kept for the tab.
const TOKEN_KEY = 'cse-mock-token'
const token = new URLSearchParams(location.search).get('token') ?? sessionStorage.getItem(TOKEN_KEY)
const store = createInspectorStore(createHttpInspectorClient({ token: () => token ?? undefined }))
const useToken = (value: string) => {
  sessionStorage.setItem(TOKEN_KEY, value)
  location.reload()
}
const root = document.getElementById('app')
if (root) render(<InspectorApp store={store} onToken={useToken} />, root)
