import type { PropsWithChildren } from 'react'
import './app.css'
import './styles/billing.css'
import './shell'

function App({ children }: PropsWithChildren) {
  return children
}

export default App
