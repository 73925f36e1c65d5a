import { useCallback, useId, useMemo } from 'react';
import { RadioChoice } from '../../components/radio-choice';
import { useSyncedField } from '../../lib/data/use-synced-field';
import {
  cleanName,
  FONTS,
  type Font,
  LETTER_SPACINGS,
  type LetterSpacing,
  LINE_SPACINGS,
  type LineSpacing,
  MAX_CERTIFICATE_NAME,
  MOTIONS,
  type Motion,
  readingOf,
  type Settings,
} from '../../shared/device/settings';
import { useAccountName } from './use-account-name';
import './settings.css';

type Props = { settings: Settings; update: (patch: Partial<Settings>) => void };

const lineLabels: Record<LineSpacing, string> = { 1.6: 'Standard', 1.9: 'Wider', 2.2: 'Widest' };
const letterLabels: Record<LetterSpacing, string> = { normal: 'Standard', wide: 'Wider' };
const fontLabels: Record<Font, string> = {
  atkinson: 'Atkinson Hyperlegible (made for low vision, built into the app)',
  system: 'My device’s own font',
};
const motionLabels: Record<Motion, string> = {
  system: 'Same as my device',
  reduce: 'Always reduce motion',
};

/**
 * Reading adjustments and the name on certificates, under the text size and colours of the settings page.
 * Each change applies at once through the settings doc (see use-apply-settings).
 */
export function ReadingAdjustments({ settings, update }: Props) {
  const reading = readingOf(settings);
  const nameId = useId();
  const nameHint = useId();
  const accountName = useAccountName();
  const updateName = useCallback(
    (certificateName: string | undefined) => update({ certificateName }),
    [update],
  );

  return (
    <>
      <RadioChoice
        legend="Line spacing"
        name="line-spacing"
        value={reading.lineSpacing}
        options={LINE_SPACINGS}
        label={(s) => lineLabels[s]}
        onChange={(lineSpacing) => update({ lineSpacing })}
      />
      <RadioChoice
        legend="Letter spacing"
        name="letter-spacing"
        value={reading.letterSpacing}
        options={LETTER_SPACINGS}
        label={(s) => letterLabels[s]}
        onChange={(letterSpacing) => update({ letterSpacing })}
      />
      <RadioChoice
        legend="Font"
        name="font"
        value={reading.font}
        options={FONTS}
        label={(f) => fontLabels[f]}
        onChange={(font) => update({ font })}
      />
      <RadioChoice
        legend="Motion"
        name="motion"
        value={reading.motion}
        options={MOTIONS}
        label={(m) => motionLabels[m]}
        onChange={(motion) => update({ motion })}
      />
      <div className="field field--stacked">
        <label htmlFor={nameId}>Name on certificates</label>
        <p id={nameHint} className="meta">
          {accountName
            ? `Leave empty to use your account name, ${accountName}.`
            : 'Printed on the certificate of each module you complete.'}
        </p>
        <NameInput
          id={nameId}
          describedBy={nameHint}
          name={settings.certificateName}
          placeholder={accountName ?? ''}
          onChange={updateName}
        />
      </div>
    </>
  );
}

type NameInputProps = {
  id: string;
  describedBy: string;
  name: string | undefined;
  placeholder: string;
  onChange: (name: string | undefined) => void;
};

/**
 * The name as the learner types it, spaces and all, while the settings get it tidied as the certificate
 * prints it (`cleanName`). It is a field bound to the synced settings doc like a note
 * (src/lib/data/use-synced-field.ts): while what is typed still tidies to the stored name it stays as typed, and
 * a name changed on another device shows as soon as the learner is not typing.
 */
function NameInput({ id, describedBy, name, placeholder, onChange }: NameInputProps) {
  const stored = useMemo(() => ({ text: name ?? '', rev: 0 }), [name]);
  const save = useCallback(
    async (text: string) => {
      const clean = cleanName(text);
      // Settings apply at once and settle on their own between devices (docs/sync-engine.md): there is
      // no conflict to keep, so the revision seen does not matter here.
      onChange(clean || undefined);
      return { text: clean, rev: 0 };
    },
    [onChange],
  );
  const field = useSyncedField({ stored, save, delayMs: 0, normalize: cleanName });
  return (
    <input
      id={id}
      type="text"
      className="text-input certificate-name-input"
      autoComplete="name"
      maxLength={MAX_CERTIFICATE_NAME}
      aria-describedby={describedBy}
      value={field.text}
      placeholder={placeholder}
      onChange={(event) => field.change(event.target.value)}
      onBlur={field.leave}
    />
  );
}
