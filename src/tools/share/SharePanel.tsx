import { useMemo, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { chapterHref } from '../../url/hashRoute';
import { useLab, useLabStore } from '../../state/LabContext';
import { embedUrl, iframeSnippet, widgetQuery } from './embedUrl';
import { CopyField, CopyStatus, useCopy } from './SharePanelCopy';
import { SharePanelOptions } from './SharePanelOptions';
import { embedOptions, type ShareChoices } from './snippets';
import type { EmbeddableWidget } from '../../url/widgetEntry';
import type { WidgetFrame } from '../../state/widgetFrame';

const noFrame = () => () => {};
const noVersion = () => 0;

/**
 * The addresses of one widget as it is on screen: its embed (with the lecturer's options) and its
 * chapter, from the lab store's inputs and the widget's own state (through its frame), so the link
 * always carries what the learner sees now. Without a frame (the lecturer page), the widget's own
 * state is its default, which needs no key.
 */
export function useShareLinks(widget: EmbeddableWidget, choices: ShareChoices, frame?: WidgetFrame) {
  const version = useSyncExternalStore(frame?.subscribe ?? noFrame, frame?.version ?? noVersion, noVersion);
  const store = useLabStore();
  const inputs = useLab(
    useShallow((s) => ({
      logits: s.logits,
      temperature: s.temperature,
      labels: s.labels,
      binaryLogit: s.binaryLogit,
      binaryTarget: s.binaryTarget,
    })),
  );
  return useMemo(() => {
    const query = widgetQuery(widget, { ...store.getState(), ...inputs });
    frame?.writeState(query);
    const url = embedUrl(widget, query, embedOptions(choices, widget.controls));
    const chapter = new URL(chapterHref(widget.chapter, query), window.location.href).href;
    return { url, chapter, snippet: iframeSnippet(widget, url), version };
  }, [store, widget, inputs, choices, frame, version]);
}

/** The panel the toolbar opens: links, the iframe line, the lecturer options and a preview link. */
export function SharePanel({
  widget,
  choices,
  onChoices,
  frame,
}: {
  widget: EmbeddableWidget;
  choices: ShareChoices;
  onChoices: (next: ShareChoices) => void;
  frame?: WidgetFrame;
}) {
  const { url, chapter, snippet } = useShareLinks(widget, choices, frame);
  const { status, copy } = useCopy();
  return (
    <>
      <p className="share-intro">
        A link to this widget as it is now, or one line of HTML to put it on a course page.{' '}
        <a href="#/embed">How to embed it</a>
      </p>
      <CopyField label="Link" value={url} buttonLabel="Copy link" what="the link" onCopy={copy} testId="share-link" />
      <CopyField
        label="Iframe for a web page"
        value={snippet}
        buttonLabel="Copy iframe"
        what="the iframe"
        multiline
        onCopy={copy}
        testId="share-snippet"
      />
      <CopyStatus status={status} />
      <p className="share-links">
        <a href={url} target="_blank" rel="noopener noreferrer">
          Preview the embed in a new tab
        </a>
        <a href={chapter}>Link to it in the chapter</a>
      </p>
      <SharePanelOptions widget={widget} choices={choices} onChange={onChoices} />
    </>
  );
}
