import { useId, useMemo, useState } from 'react';
import { CHAPTERS } from '../chapters/chapterList';
import { useShareLinks } from '../tools/share/SharePanel';
import { EMBED_ALLOW, EMBED_SANDBOX } from '../tools/share/embedUrl';
import { CopyField, CopyStatus, useCopy } from '../tools/share/SharePanelCopy';
import { SharePanelOptions } from '../tools/share/SharePanelOptions';
import { SharePanelPreview } from '../tools/share/SharePanelPreview';
import { NO_CHOICES, platformSnippet, type Platform, type ShareChoices } from '../tools/share/snippets';
import { findWidget, WIDGETS } from './widgetRegistry';
import { type EmbeddableWidget } from '../url/widgetEntry';
import '../tools/share/share.css';

const FIRST_WIDGET = findWidget('softmax/SoftmaxExplorer') ?? WIDGETS[0];

/** The widgets under their chapters' titles, in the book's order, for the picker. */
function widgetsByChapter(): { title: string; widgets: EmbeddableWidget[] }[] {
  return CHAPTERS.map((chapter) => ({
    title: `${chapter.number}. ${chapter.title}`,
    widgets: WIDGETS.filter((w) => w.chapter === chapter.slug),
  })).filter((group) => group.widgets.length > 0);
}

const GROUPS = widgetsByChapter();

/** The address of embed-resize.js, beside the site's index.html wherever it is hosted. */
function resizeScriptUrl(): string {
  return new URL('embed-resize.js', window.location.href.split('#')[0]).href;
}

/** The page at #/embed: how lecturers put a Logit Lab widget on their own course site. */
export function LecturerPage() {
  const [widget, setWidget] = useState<EmbeddableWidget | undefined>(FIRST_WIDGET);
  const [choices, setChoices] = useState<ShareChoices>(NO_CHOICES);
  const pickerId = useId();

  const pick = (id: string) => {
    setWidget(findWidget(id));
    // Hide and lock name the old widget's controls; caption and theme carry over.
    setChoices((c) => ({ ...c, hide: [], lock: [] }));
  };

  return (
    <article className="lecturer-page">
      <h1>Embed a widget in your course</h1>
      <p>
        Every widget in Logit Lab has its own address that shows just that widget: no menus, no
        chapter around it, the numbers you chose written into the address. Put it in an iframe on your
        course page and students work with it there. It runs in the student&rsquo;s browser and sends
        nothing anywhere.
      </p>
      <p>
        The iframe line below carries <code>sandbox=&quot;{EMBED_SANDBOX}&quot;</code> and{' '}
        <code>allow=&quot;{EMBED_ALLOW}&quot;</code>. The widget runs its own scripts with the address it is
        served from as its origin, so it loads from any web space with its default settings, saves figures
        and copies code; because that origin is not your course page&rsquo;s, it cannot reach your page, its
        cookies or its storage. It tells your page how tall it is in a small message that the optional{' '}
        <code>embed-resize.js</code> script acts on; without the script, the iframe keeps the height written
        in the line. Two widgets on one page each keep their own numbers.
      </p>
      <p>
        A widget starts from the numbers you last set in the chapters. To share a widget exactly as it is
        in a chapter, use the <strong>Share / embed</strong> button above it.
      </p>

      <section aria-labelledby={`${pickerId}-choose`}>
        <h2 id={`${pickerId}-choose`}>1. Choose a widget and its options</h2>
        <label htmlFor={pickerId} className="lecturer-picker-label">
          Widget
        </label>
        <select id={pickerId} value={widget?.id ?? ''} onChange={(e) => pick(e.target.value)}>
          {GROUPS.map((group) => (
            <optgroup key={group.title} label={group.title}>
              {group.widgets.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {widget && <SharePanelOptions widget={widget} choices={choices} onChange={setChoices} />}
      </section>

      {widget && <LecturerSnippets widget={widget} choices={choices} />}
    </article>
  );
}

const PLATFORMS: readonly { id: Platform; name: string; steps: string }[] = [
  {
    id: 'canvas',
    name: 'Canvas',
    steps:
      'Edit the page, switch the Rich Content Editor to its HTML editor, paste the line where the widget ' +
      'should go and save. Canvas keeps iframes in pages; some setups remove attributes they do not ' +
      'allow, so open the HTML editor again after saving and check the line is whole. If sandbox was ' +
      'removed the widget still works, without the extra isolation.',
  },
  {
    id: 'moodle',
    name: 'Moodle',
    steps:
      'In a Page resource (or any text area), open the text editor\u2019s HTML source view, paste the line ' +
      'and save. Depending on the site\u2019s security settings, Moodle may remove iframes from text by ' +
      'users who may not post trusted content; if the widget is missing after saving, ask your site ' +
      'administrator about trusted content.',
  },
  {
    id: 'jupyter-book',
    name: 'Jupyter Book',
    steps:
      'In a Markdown file or a notebook\u2019s Markdown cell, paste the line on its own, with a blank line ' +
      'before and after: MyST Markdown passes an HTML block through to the web page. In a Sphinx-based ' +
      'book (Jupyter Book 1) the raw directive, ```{raw} html, works too. PDF output has no iframe.',
  },
  {
    id: 'quarto',
    name: 'Quarto',
    steps:
      'Paste this block into the .qmd file. Marked {=html}, it goes into HTML output as it is and is ' +
      'left out of other formats (PDF, Word).',
  },
  {
    id: 'html',
    name: 'Plain HTML',
    steps:
      'Paste the iframe where the widget should go. The script line is optional and needed once per ' +
      'page: it makes every Logit Lab iframe on the page as tall as its content.',
  },
];

function LecturerSnippets({ widget, choices }: { widget: EmbeddableWidget; choices: ShareChoices }) {
  const { url, snippet } = useShareLinks(widget, choices);
  const { status, copy } = useCopy();
  const scriptUrl = useMemo(() => resizeScriptUrl(), []);
  const id = useId();
  return (
    <>
      <section aria-labelledby={`${id}-copy`}>
        <h2 id={`${id}-copy`}>2. Copy the line, and see what your students will see</h2>
        <CopyField
          label="Iframe for a web page"
          value={snippet}
          buttonLabel="Copy iframe"
          what="the iframe"
          multiline
          onCopy={copy}
          testId="lecturer-snippet"
        />
        <CopyField label="Link" value={url} buttonLabel="Copy link" what="the link" onCopy={copy} testId="lecturer-link" />
        <CopyStatus status={status} />
        <p className="share-links">
          <a href={url} target="_blank" rel="noopener noreferrer">
            Open the embed in a new tab
          </a>
        </p>
        <h3>Preview</h3>
        <SharePanelPreview url={url} title={widget.title} frameId="lecturer-preview" />
      </section>

      <section aria-labelledby={`${id}-platforms`}>
        <h2 id={`${id}-platforms`}>3. Put it on your course site</h2>
        {PLATFORMS.map((platform) => (
          <section key={platform.id} className="lecturer-platform" aria-labelledby={`${id}-${platform.id}`}>
            <h3 id={`${id}-${platform.id}`}>{platform.name}</h3>
            <p>{platform.steps}</p>
            <CopyField
              label={`For ${platform.name}`}
              value={platformSnippet(platform.id, snippet, scriptUrl)}
              buttonLabel={`Copy for ${platform.name}`}
              what={`the ${platform.name} snippet`}
              multiline
              onCopy={copy}
              testId={`platform-${platform.id}`}
            />
          </section>
        ))}
        <p className="share-note">
          Hosting Logit Lab yourself? Copy <code>dist/</code> to any static host as it is (a university web
          space, nginx or Apache, S3, GitHub Pages, even <code>python3 -m http.server</code>): no special
          headers are needed. One thing to avoid: do not put it on the same origin (scheme, host name and
          port) as the course pages that embed it. There a frame allowed both scripts and its own origin could
          lift its sandbox and reach the course page; on a host name of its own it cannot.
        </p>
        <details className="lecturer-protocol">
          <summary>For developers: the height message</summary>
          <p>
            Whenever its content&rsquo;s height changes, an embed posts this object to the page around it
            (<code>window.parent</code>), as a plain object, not a string:
          </p>
          <pre>
            <code>{"{ type: 'logit-lab:height', version: 1, id: '<frame or widget id>', height: <CSS pixels> }"}</code>
          </pre>
          <p>
            <code>id</code> is the address&rsquo;s <code>frame=</code> value if it has one (letters, digits,
            <code>-</code> and <code>_</code>), else the widget&rsquo;s id such as{' '}
            <code>softmax/SoftmaxExplorer</code>. A page may ask for the height again by posting{' '}
            <code>{"{ type: 'logit-lab:request-height' }"}</code> to the iframe&rsquo;s window. Act on a
            height message only when <code>event.source</code> is the <code>contentWindow</code> of your
            own iframe and every field has the type above, and keep the height within bounds; that is what{' '}
            <code>embed-resize.js</code> does. The source names your frame exactly; the origin (the address
            Logit Lab is served from) can be checked as well, but the source check is the one that counts.
          </p>
        </details>
      </section>
    </>
  );
}
