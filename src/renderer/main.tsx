import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { preloadGenerator } from './features/documents/load-generator'
import { LockGate } from './features/lock/LockGate'
import { requestPersistentStorage } from './storage/persist'
import './styles.css'

void requestPersistentStorage()
// The document generator and its fonts, fetched once shortly after start (offline use later),
// after the first screen has had the main thread.
window.setTimeout(preloadGenerator, 1000)

const root = document.getElementById('root')
if (!root) throw new Error('Element #root ontbreekt in index.html')
createRoot(root).render(
  <StrictMode>
    <LockGate>
      <App />
    </LockGate>
  </StrictMode>,
)
