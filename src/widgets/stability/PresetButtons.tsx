import { useStability } from './StabilityContext';
import { formatLogits, PRESETS } from './stabilityInputs';

/** One button per preset logit vector; each names its logits and what they show. */
export function PresetButtons({ only }: { only?: readonly number[] }) {
  const setLogits = useStability((s) => s.setLogits);
  const presets = only ? PRESETS.filter((_, i) => only.includes(i)) : PRESETS;
  return (
    <div className="button-row stability-presets" role="group" aria-label="Preset logits">
      {presets.map((preset) => (
        <button key={preset.logits.join()} type="button" onClick={() => setLogits(preset.logits)}>
          z = {formatLogits([...preset.logits])} <span className="preset-note">({preset.note})</span>
        </button>
      ))}
    </div>
  );
}
