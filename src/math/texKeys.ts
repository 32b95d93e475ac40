/** The cache key of a formula: the same LaTeX typeset inline and as a display is two formulas. */
export function texKey(tex: string, display: boolean): string {
  return (display ? 'D' : 'I') + tex;
}
