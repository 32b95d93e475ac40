import { ProgressPanel } from './ProgressPanel';
import { TableOfContents } from './TableOfContents';
import { CHAPTER_SUMMARIES } from '../chapters/chapterSummaries';

export function HomePage() {
  return (
    <article className="home" aria-labelledby="home-title">
      <h1 id="home-title">Logit Lab</h1>
      <p className="lede">
        Softmax, cross-entropy and backpropagation, explained with numbers you can touch. Drag a logit and
        watch every formula, plot and sentence follow, each number computed by one tested numeric core
        whose losses match PyTorch&rsquo;s.
      </p>
      <p className="home-lecturers">
        Teaching this? <a href="#/embed">Embed any widget in your course page</a> with one iframe line that
        keeps the numbers you chose.
      </p>
      <h2>Chapters</h2>
      <TableOfContents summaries={CHAPTER_SUMMARIES} />
      <p className="home-review">
        Back after a while? <a href="#/review">Review</a> brings back exercises you solved, with new numbers.
      </p>
      <ProgressPanel />
    </article>
  );
}
