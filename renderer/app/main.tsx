import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './base.css';
import { startConsole } from './start';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void startConsole();
}
