import { useId } from 'react';
import { readingOf, type Settings } from '../../shared/device/settings';

type Props = { settings: Settings; update: (patch: Partial<Settings>) => void };

// Larger text and wider line, letter and word spacing: what studies found helps some readers with
// dyslexia (docs/learning-features.md, "Reading with dyslexia"). Lines are already kept short.
const PRESET = {
  textSize: 125,
  lineSpacing: 1.9,
  letterSpacing: 'wide',
} as const satisfies Partial<Settings>;

/** A plainly named starting point for readers with dyslexia, with an honest word on what helps. */
export function DyslexiaPreset({ settings, update }: Props) {
  const titleId = useId();
  const reading = readingOf(settings);
  const on =
    settings.textSize === PRESET.textSize &&
    reading.lineSpacing === PRESET.lineSpacing &&
    reading.letterSpacing === PRESET.letterSpacing;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Reading with dyslexia</h2>
      <p>
        What helps differs from one reader to the next. Larger text, more space between lines, letters and
        words, short lines and hearing the text read aloud help some readers with dyslexia. Coloured overlays
        and special “dyslexia fonts” have not been shown to help, so the app does not offer them.
      </p>
      <p>
        The preset sets text to 125% with wider line and letter spacing. Try it for a few lessons, change any
        part below, and use Read aloud in a lesson if listening helps.
      </p>
      <button type="button" className="button button--quiet" disabled={on} onClick={() => update(PRESET)}>
        Use the dyslexia reading preset
      </button>
      <p className="meta" role="status">
        {on ? 'The dyslexia reading preset is on.' : ''}
      </p>
    </section>
  );
}
