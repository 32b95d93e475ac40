import { useId } from 'react';
import { CAPTION_MAX_LENGTH, capCaption, THEMES, toggled, type EmbedTheme, type ShareChoices } from './snippets';
import { stateControlName, type EmbeddableWidget } from '../../url/widgetEntry';

/** What each control a lecturer may hide or lock is called on the form. */
const CONTROL_NAMES: Record<string, string> = {
  logits: 'the logits z',
  temperature: 'the temperature T',
  labels: 'the true class y',
  'binary-logit': 'the logit z',
  'binary-target': 'the label t',
};

/** A shared control's name, or the widget's own control's name from its state schema. */
export function controlName(id: string, widget?: EmbeddableWidget): string {
  return CONTROL_NAMES[id] ?? stateControlName(widget, id) ?? id;
}

const THEME_NAMES: Record<EmbedTheme, string> = {
  auto: "the reader's setting",
  light: 'light',
  dark: 'dark',
};

/**
 * The lecturer options, the same in the share panel and on the lecturer page: hide or lock each
 * control the widget has, a caption, a colour theme. Controlled: the snippet follows every change.
 */
export function SharePanelOptions({
  widget,
  choices,
  onChange,
}: {
  widget: EmbeddableWidget;
  choices: ShareChoices;
  onChange: (next: ShareChoices) => void;
}) {
  const { controls } = widget;
  const id = useId();
  const captionId = `${id}-caption`;
  return (
    <fieldset className="share-options">
      <legend>Options for your course page</legend>
      {controls.length > 0 ? (
        <ul className="share-controls">
          {controls.map((control) => {
            const hidden = choices.hide.includes(control);
            return (
              <li key={control}>
                <span className="share-control-name" aria-hidden="true">
                  {controlName(control, widget)}
                </span>
                <span className="share-control-checks">
                  <label className="share-check">
                    <input
                      type="checkbox"
                      checked={hidden}
                      onChange={(e) => onChange({ ...choices, hide: toggled(choices.hide, control, e.target.checked) })}
                    />
                    hide{' '}<span className="share-sr-only">{controlName(control, widget)}</span>
                  </label>
                  <label className="share-check">
                    <input
                      type="checkbox"
                      checked={!hidden && choices.lock.includes(control)}
                      disabled={hidden}
                      onChange={(e) => onChange({ ...choices, lock: toggled(choices.lock, control, e.target.checked) })}
                    />
                    lock{' '}<span className="share-sr-only">{controlName(control, widget)}</span>
                  </label>
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="share-note">This widget has no controls to hide or lock.</p>
      )}
      <div className="share-caption">
        <label htmlFor={captionId}>Caption above the widget</label>
        <input
          id={captionId}
          type="text"
          value={choices.caption}
          maxLength={CAPTION_MAX_LENGTH}
          aria-describedby={`${captionId}-count`}
          onChange={(e) => onChange({ ...choices, caption: capCaption(e.target.value) })}
        />
        <span id={`${captionId}-count`} className="share-note">
          {Array.from(choices.caption).length} of {CAPTION_MAX_LENGTH} characters, shown as plain text
        </span>
      </div>
      <fieldset className="share-theme">
        <legend>Colours</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="share-check">
            <input
              type="radio"
              name={`${id}-theme`}
              value={theme}
              checked={choices.theme === theme}
              onChange={() => onChange({ ...choices, theme })}
            />
            {THEME_NAMES[theme]}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
