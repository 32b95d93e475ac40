declare module 'virtual:chapter-pages' {
  /** slug → loads the chapter's page prerendered at build time (build/chapterPages.ts): fetched, or in dev a module */
  export const chapterPages: Readonly<Record<string, () => Promise<string>>>;
}
