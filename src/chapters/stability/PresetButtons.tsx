import { LecturerControl } from '../../controls/LecturerControl';
import { useStability } from './StabilityContext';
import { formatLogits, PRESETS } from './stabilityInputs';

/** One button per preset logit vector; each names its logits and what they show. They set `sz`. */
export function PresetButtons({ only }: { only?: readonly number[] }) {
  const setLogits = useStability((s) => s.setLogits);
  const presets = only ? PRESETS.filter((_, i) => only.includes(i)) : PRESETS;
  return (
    <LecturerControl ids={['sz']}>
      <div className="button-row stability-presets" role="group" aria-label="Preset logits">
        {presets.map((preset) => (
          <button key={preset.logits.join()} type="button" onClick={() => setLogits(preset.logits)}>
            z = {formatLogits([...preset.logits])} <span className="preset-note">({preset.note})</span>
          </button>
        ))}
      </div>
    </LecturerControl>
  );
}
