import { Fragment, lazy, type ComponentType, type ReactNode } from 'react';
import type { Chapter } from '../chapters/chapterList';
import type { EmbeddableWidget } from '../url/widgetEntry';

/** What a page that shows one chapter's widget needs of the chapter's page module besides its default export. */
interface PageModule {
  components?: Partial<Record<string, ComponentType>>;
  /** what every widget of the chapter needs around it (chapter 8's and chapter 10's own stores) */
  Provider?: ComponentType<{ children: ReactNode }>;
}

/**
 * A loader of widgets out of their chapters, for the pages that show a widget without its chapter
 * (the embed page, Review): one lazy component per widget id, made once, so the chapter's chunk (with
 * its prerendered formulas and CSS) is loaded the first time and never for a widget not shown. The
 * widget comes inside its chapter's Provider; `missing` is shown for an id its chapter's map lacks
 * (a unit test keeps the maps and the indexes in step).
 */
export function widgetLoader(missing: (id: string) => ReactNode): (widget: EmbeddableWidget, chapter: Chapter) => ComponentType {
  const loaders = new Map<string, ComponentType>();
  return (widget, chapter) => {
    let Loaded = loaders.get(widget.id);
    if (!Loaded) {
      Loaded = lazy(async () => {
        const page = (await chapter.load!()) as unknown as PageModule;
        const Widget = page.components?.[widget.key];
        const Provider = page.Provider ?? Fragment;
        const Shown = Widget
          ? () => (
              <Provider>
                <Widget />
              </Provider>
            )
          : () => <>{missing(widget.id)}</>;
        return { default: Shown };
      });
      loaders.set(widget.id, Loaded);
    }
    return Loaded;
  };
}
