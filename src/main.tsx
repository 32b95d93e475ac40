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
import { bootPageArriving } from './app/chapterProseSource';

captionPlotsWhenPrinting();

const root = document.getElementById('root');
const draw = (container: HTMLElement) =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
if (root) {
  // not over a chapter's first screen while the rest of its page is still coming: the learner is reading it
  const arriving = bootPageArriving();
  if (arriving) void arriving.then(() => draw(root));
  else draw(root);
}
