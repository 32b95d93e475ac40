import { widget, type EmbeddableWidget } from '../../url/widgetEntry';
import { CENTRAL_DIFFERENCE_ENTRY, ALIAS_ENTRY } from './exercises';
import { GRADIENT_CHECK_STATE, ZERO_CASES_STATE } from './gradientCheckState';

/**
 * The chapter's embeddable widgets, in the order of its component map: pure data (a state schema is a
 * small object in a file of its own), so the registry and the lecturer page load no widget code.
 */
export const widgets: readonly EmbeddableWidget[] = [
  widget('gradient-check', 'GradientCheckExplorer', 'the finite-difference explorer', 'Finite differences against the step h', ['z', 'y'], [], GRADIENT_CHECK_STATE),
  widget('gradient-check', 'ZeroCases', 'the zero cases', 'It returns only zeros', [], [], ZERO_CASES_STATE),
  widget('gradient-check', 'TestTolerance', "the tests' gradient check", "The gradient check of the project's tests", ['z', 'y'], []),
  CENTRAL_DIFFERENCE_ENTRY,
  ALIAS_ENTRY,
];

export { CENTRAL_DIFFERENCE_ENTRY, ALIAS_ENTRY };
