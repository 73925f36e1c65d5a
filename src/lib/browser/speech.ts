// Reads text aloud with the browser's speechSynthesis, one utterance per sentence, so the screen can
// highlight the sentence being read. Nothing is stored. Where speech is missing (isSpeechSupported) the
// screen hides the control; a synthesis error ends reading with onEnd('error') rather than hanging.

export type ReaderState = 'idle' | 'playing' | 'paused';
export type ReaderEndReason = 'finished' | 'stopped' | 'error';

/** The part of `speechSynthesis` the reader uses; tests pass a fake. */
export type SpeechSynth = Pick<SpeechSynthesis, 'speak' | 'cancel'>;

export type ReaderOptions = {
  synth: SpeechSynth;
  /** Called with the index of the sentence about to be spoken (again after a resume or a seek). */
  onSentence?: (index: number) => void;
  /** Called once when reading ends: at the last sentence, on stop(), or on a synthesis error. */
  onEnd?: (reason: ReaderEndReason, error?: string) => void;
  /** Defaults to `new SpeechSynthesisUtterance(text)`. */
  createUtterance?: (text: string) => SpeechSynthesisUtterance;
  /** Used when no voice is chosen, so the browser picks an English (UK) voice. */
  lang?: string;
  rate?: number;
  voice?: SpeechSynthesisVoice | null;
};

export type Reader = {
  /** Reads the sentences from `from` (default 0), replacing whatever was being read. */
  play(sentences: readonly (string | { text: string })[], from?: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Jumps to a sentence; while paused it is where resume() starts. */
  seek(index: number): void;
  /** 0.5–2, applied from the next sentence (an utterance's rate cannot change while it is spoken). */
  setRate(rate: number): void;
  setVoice(voice: SpeechSynthesisVoice | null): void;
  readonly state: ReaderState;
  /** The sentence being read or paused on; -1 when idle. */
  readonly index: number;
  readonly rate: number;
};

const MIN_RATE = 0.5;
const MAX_RATE = 2;
// Errors that our own cancel() causes: Chrome reports "interrupted", others "canceled".
const CANCEL_ERRORS = new Set(['interrupted', 'canceled']);

/**
 * A reader over `speechSynthesis`. Pause is a cancel that remembers the sentence, and resume speaks that
 * sentence again from its start: `speechSynthesis.pause()` is unreliable (Chrome on Android ends the
 * utterance, and some voices ignore it), and hearing the whole sentence again helps after a break.
 * Events from a cancelled utterance are ignored by generation, because browsers fire `end` or `error`
 * for it, sometimes synchronously inside cancel().
 */
export function createReader({
  synth,
  onSentence,
  onEnd,
  createUtterance = (text) => new SpeechSynthesisUtterance(text),
  lang = 'en-GB',
  rate: initialRate = 1,
  voice: initialVoice = null,
}: ReaderOptions): Reader {
  let texts: string[] = [];
  let index = -1;
  let state: ReaderState = 'idle';
  let rate = clampRate(initialRate);
  let voice = initialVoice;
  let generation = 0;
  // Held so the utterance is not garbage-collected mid-sentence (Chrome then never fires `end`).
  const held: { utterance: SpeechSynthesisUtterance | null } = { utterance: null };

  const silence = () => {
    generation += 1;
    held.utterance = null;
    synth.cancel();
  };

  const finish = (reason: ReaderEndReason, error?: string) => {
    state = 'idle';
    index = -1;
    held.utterance = null;
    if (error === undefined) onEnd?.(reason);
    else onEnd?.(reason, error);
  };

  const speak = () => {
    if (index >= texts.length) {
      finish('finished');
      return;
    }
    const token = ++generation;
    const utterance = createUtterance(texts[index] ?? '');
    utterance.rate = rate;
    utterance.lang = voice?.lang || lang;
    utterance.voice = voice;
    utterance.onend = () => {
      if (token !== generation) return;
      index += 1;
      speak();
    };
    utterance.onerror = (event) => {
      if (token !== generation || CANCEL_ERRORS.has(event.error)) return;
      generation += 1;
      finish('error', event.error);
    };
    held.utterance = utterance;
    onSentence?.(index);
    synth.speak(utterance);
  };

  return {
    play(sentences, from = 0) {
      if (state !== 'idle') silence();
      texts = sentences.map((s) => (typeof s === 'string' ? s : s.text));
      index = Math.max(0, Math.min(from, texts.length));
      state = 'playing';
      speak();
    },
    pause() {
      if (state !== 'playing') return;
      silence();
      state = 'paused';
    },
    resume() {
      if (state !== 'paused') return;
      state = 'playing';
      speak();
    },
    stop() {
      if (state === 'idle') return;
      silence();
      finish('stopped');
    },
    seek(to) {
      if (state === 'idle' || texts.length === 0) return;
      index = Math.max(0, Math.min(to, texts.length - 1));
      if (state === 'playing') {
        silence();
        speak();
      }
    },
    setRate(next) {
      rate = clampRate(next);
    },
    setVoice(next) {
      voice = next;
    },
    get state() {
      return state;
    },
    get index() {
      return index;
    },
    get rate() {
      return rate;
    },
  };
}

/** True where the browser can speak: both `speechSynthesis` and `SpeechSynthesisUtterance` exist. */
export function isSpeechSupported(scope: object = globalThis): boolean {
  return (
    'speechSynthesis' in scope &&
    typeof scope.speechSynthesis === 'object' &&
    scope.speechSynthesis !== null &&
    'SpeechSynthesisUtterance' in scope &&
    typeof scope.SpeechSynthesisUtterance === 'function'
  );
}

function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
}
