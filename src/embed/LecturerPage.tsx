/** The page at #/embed: how lecturers put a Logit Lab widget on their own course site. */
export function LecturerPage() {
  return (
    <article className="lecturer-page">
      <h1>Embed a widget in your course</h1>
      <p>
        Every widget in Logit Lab has its own address that shows just that widget, with the numbers you
        chose. Paste one line of HTML into your course page and students can work with it there.
      </p>
    </article>
  );
}
