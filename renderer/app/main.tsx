import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './base.css';
import { startConsole, startWallDisplay } from './start';
import { isWallDisplay } from './wall-display';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void (isWallDisplay() ? startWallDisplay() : startConsole());
}
