declare module 'virtual:prerendered-tex/*' {
  import type { TexTemplate } from './texTemplate';
  const prerendered: {
    /** texKey(tex, display) → KaTeX HTML, typeset at build time, for formulas without a template */
    formulas: Readonly<Record<string, string>>;
    /** texKey(shape, display) → the template of that shape (see texTemplate.ts) */
    templates: Readonly<Record<string, TexTemplate>>;
  };
  export default prerendered;
}
