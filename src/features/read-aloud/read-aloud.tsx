import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ReadAloudFieldset } from '../../lesson-markup/read-aloud-fieldset';
import { createReader, isSpeechSupported, type Reader, type ReaderState } from '../../lib/browser/speech';
import { highlightSentence } from './highlight-sentence';
import { lessonSentences, type PageSentence } from './lesson-sentences';
import { loadReadAloudChoice, saveReadAloudChoice } from './read-aloud-choice';
import { speechErrorText } from './speech-error-text';

/**
 * Read aloud for the lesson it sits in: play, pause, stop, speed and voice, with the sentence being read
 * highlighted. It uses the voices on the device, so it works offline where the device has its own voices
 * (`localService`); where `speechSynthesis` is missing it renders nothing.
 */
export function ReadAloud() {
  // Lesson pages are rendered before any script runs (at build time, and by the service worker) as if speech
  // were there, so the page the app adopts matches its first render; without speech, the controls then go.
  const supported = useSyncExternalStore(speechNeverChanges, isSpeechSupported, () => true);
  return supported ? <ReadAloudControls /> : null;
}

// Whether the device can speak does not change while the page is open.
const speechNeverChanges = () => () => undefined;

function ReadAloudControls() {
  const box = useRef<HTMLFieldSetElement>(null);
  const reader = useRef<Reader | null>(null);
  const sentences = useRef<PageSentence[]>([]);
  const marked = useRef<PageSentence | null>(null);
  const [state, setState] = useState<ReaderState>('idle');
  const [saved] = useState(loadReadAloudChoice);
  const [rate, setRate] = useState(saved.rate);
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);
  const [voiceUri, setVoiceUri] = useState(saved.voiceUri);
  // Read by the reader's callbacks, which are set up once.
  const voiceCount = useRef(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Adopted from a page rendered as if speech were there, on a device without it: nothing to set up, and
    // ReadAloud removes these controls straight after.
    if (!isSpeechSupported()) return;
    const synth = window.speechSynthesis;
    const load = () => {
      const list = sortVoices(synth.getVoices());
      voiceCount.current = list.length;
      setVoices(list);
    };
    load();
    synth.addEventListener?.('voiceschanged', load);
    const mark = (next: PageSentence | null) => {
      highlightSentence(next, marked.current);
      marked.current = next;
    };
    reader.current = createReader({
      synth,
      onSentence: (index) => mark(sentences.current[index] ?? null),
      onEnd: (reason, message) => {
        mark(null);
        setState('idle');
        setError(reason === 'error' ? speechErrorText(message, voiceCount.current) : null);
      },
    });
    reader.current.setRate(loadReadAloudChoice().rate);
    return () => {
      synth.removeEventListener?.('voiceschanged', load);
      reader.current?.stop();
      mark(null);
    };
  }, []);

  // The remembered voice is used once the device has listed it (voices often arrive after the page).
  useEffect(() => {
    const voice = voices.find((v) => v.voiceURI === voiceUri);
    if (voice) reader.current?.setVoice(voice);
  }, [voices, voiceUri]);

  const play = () => {
    const current = reader.current;
    const article = box.current?.closest('article');
    if (!current || !article) return;
    setError(null);
    if (current.state === 'paused') {
      current.resume();
    } else {
      sentences.current = lessonSentences(article);
      current.play(sentences.current);
    }
    setState(current.state);
  };
  const pause = () => {
    reader.current?.pause();
    setState(reader.current?.state ?? 'idle');
  };
  const stop = () => {
    reader.current?.stop();
    setState('idle');
  };
  const changeRate = (next: number) => {
    setRate(next);
    reader.current?.setRate(next);
    saveReadAloudChoice({ rate: next, voiceUri });
  };
  const changeVoice = (uri: string) => {
    setVoiceUri(uri);
    reader.current?.setVoice(voices.find((v) => v.voiceURI === uri) ?? null);
    saveReadAloudChoice({ rate, voiceUri: uri });
  };

  return (
    <ReadAloudFieldset
      boxRef={box}
      state={state}
      rate={rate}
      voices={voices}
      voiceUri={voiceUri}
      error={error}
      onPlay={play}
      onPause={pause}
      onStop={stop}
      onRate={changeRate}
      onVoice={changeVoice}
    />
  );
}

/** English voices first (UK English before others), then the rest by language and name. */
function sortVoices(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice[] {
  const rank = (v: SpeechSynthesisVoice) => (v.lang === 'en-GB' ? 0 : v.lang.startsWith('en') ? 1 : 2);
  return [...voices].sort(
    (a, b) => rank(a) - rank(b) || a.lang.localeCompare(b.lang) || a.name.localeCompare(b.name),
  );
}
