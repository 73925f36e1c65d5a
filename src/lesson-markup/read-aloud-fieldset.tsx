import { type Ref, useId } from 'react';
import { READ_ALOUD_RATES, rateLabel } from '../shared/device/read-aloud-rates';

export type ReadAloudState = 'idle' | 'playing' | 'paused';
export type ReadAloudVoice = { voiceURI: string; name: string; lang: string; localService: boolean };

type Props = {
  state: ReadAloudState;
  rate: number;
  voices: readonly ReadAloudVoice[];
  voiceUri: string;
  error: string | null;
  boxRef?: Ref<HTMLFieldSetElement>;
  onPlay?: () => void;
  onPause?: () => void;
  onStop?: () => void;
  onRate?: (rate: number) => void;
  onVoice?: (voiceUri: string) => void;
};

/** Read aloud's controls as they show: what speaks, and how, is the read-aloud feature's. */
export function ReadAloudFieldset({
  state,
  rate,
  voices,
  voiceUri,
  error,
  boxRef,
  onPlay,
  onPause,
  onStop,
  onRate,
  onVoice,
}: Props) {
  const rateId = useId();
  const voiceId = useId();
  return (
    <fieldset ref={boxRef} className="read-aloud no-print">
      <legend className="visually-hidden">Read aloud</legend>
      <div className="actions">
        {state === 'playing' ? (
          <button type="button" className="button button--quiet" onClick={onPause}>
            Pause reading
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={onPlay}>
            {state === 'paused' ? 'Resume reading' : 'Read aloud'}
          </button>
        )}
        {state !== 'idle' && (
          <button type="button" className="button button--quiet" onClick={onStop}>
            Stop
          </button>
        )}
        <span className="field field--inline">
          <label htmlFor={rateId}>Speed</label>
          <select id={rateId} value={rate} onChange={(e) => onRate?.(Number(e.target.value))}>
            {READ_ALOUD_RATES.map((r) => (
              <option key={r} value={r}>
                {rateLabel(r)}
              </option>
            ))}
          </select>
        </span>
        {voices.length > 1 && (
          <span className="field field--inline">
            <label htmlFor={voiceId}>Voice</label>
            <select id={voiceId} value={voiceUri} onChange={(e) => onVoice?.(e.target.value)}>
              <option value="">Device default</option>
              {voices.map((v) => (
                <option key={v.voiceURI} value={v.voiceURI}>
                  {v.name} ({v.lang}){v.localService ? '' : ', needs internet'}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      <p className="meta" role="status">
        {error ?? (state === 'playing' ? 'Reading aloud…' : state === 'paused' ? 'Paused.' : '')}
      </p>
    </fieldset>
  );
}
