import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/fonts.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/widgets.css';
import './chapters/opener.css';
import './styles/print.css';
import { App } from './app/App';
import { captionPlotsWhenPrinting } from './app/printCaptions';

captionPlotsWhenPrinting();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
