declare module 'virtual:prerendered-tex' {
  /** texKey(tex, display) → KaTeX HTML, typeset at build time */
  const prerendered: Readonly<Record<string, string>>;
  export default prerendered;
}
