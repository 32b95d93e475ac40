export function NotFoundPage({ slug }: { slug: string }) {
  return (
    <article className="chapter" aria-labelledby="chapter-title">
      <h1 id="chapter-title">No such page</h1>
      <p>
        There is no chapter at <code>#/{slug.slice(0, 60)}</code>. The <a href="#/">table of contents</a>{' '}
        lists every chapter.
      </p>
    </article>
  );
}
