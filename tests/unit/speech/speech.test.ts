import { describe, expect, it } from 'vitest';
import { createReader, isSpeechSupported, type ReaderEndReason } from '../../../src/lib/browser/speech';

type Handler = ((event: { error: string }) => void) | null;

/** Stands in for SpeechSynthesisUtterance: the reader only sets these fields. */
class FakeUtterance {
  rate = 1;
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  onend: Handler = null;
  onerror: Handler = null;
  constructor(readonly text: string) {}
}

/**
 * Stands in for speechSynthesis. `cancelFires` says what a browser does to the utterance being spoken
 * when cancel() is called: Chrome fires an "interrupted" error, Safari an `end`, at once.
 */
class FakeSynth {
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  cancels = 0;
  constructor(private readonly cancelFires: 'end' | 'interrupted' | 'nothing' = 'interrupted') {}
  speak(u: SpeechSynthesisUtterance) {
    const fake = u as unknown as FakeUtterance;
    this.spoken.push(fake);
    this.current = fake;
  }
  cancel() {
    this.cancels += 1;
    const u = this.current;
    this.current = null;
    if (this.cancelFires === 'end') u?.onend?.({ error: '' });
    if (this.cancelFires === 'interrupted') u?.onerror?.({ error: 'interrupted' });
  }
  /** The browser finishes the sentence it is speaking. */
  finish() {
    const u = this.current;
    this.current = null;
    u?.onend?.({ error: '' });
  }
  fail(error: string) {
    const u = this.current;
    this.current = null;
    u?.onerror?.({ error });
  }
}

function setup(cancelFires?: 'end' | 'interrupted' | 'nothing') {
  const synth = new FakeSynth(cancelFires);
  const highlighted: number[] = [];
  const ended: { reason: ReaderEndReason; error?: string }[] = [];
  const reader = createReader({
    synth,
    onSentence: (i) => highlighted.push(i),
    onEnd: (reason, error) => ended.push(error === undefined ? { reason } : { reason, error }),
    createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
  });
  return { synth, reader, highlighted, ended };
}

const SENTENCES = ['Face the pupil.', 'Cut the noise.', 'Check hearing aids daily.'];
const voice = { name: 'Daniel', lang: 'en-GB', default: false, localService: true, voiceURI: 'daniel' };

describe('createReader', () => {
  it('speaks one utterance per sentence, in order, highlighting each, then ends', () => {
    const { synth, reader, highlighted, ended } = setup();
    reader.play(SENTENCES);
    expect(reader.state).toBe('playing');
    synth.finish();
    synth.finish();
    expect(ended).toEqual([]);
    synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual(SENTENCES);
    expect(highlighted).toEqual([0, 1, 2]);
    expect(ended).toEqual([{ reason: 'finished' }]);
    expect(reader.state).toBe('idle');
    expect(reader.index).toBe(-1);
  });

  it('takes sentence objects as splitSentences returns them, and starts where asked', () => {
    const { synth, reader, highlighted } = setup();
    reader.play(
      SENTENCES.map((text, i) => ({ text, start: i * 20, end: i * 20 + text.length })),
      1,
    );
    expect(synth.spoken.map((u) => u.text)).toEqual(['Cut the noise.']);
    expect(highlighted).toEqual([1]);
  });

  it.each(['interrupted', 'end', 'nothing'] as const)(
    'pause then resume speaks the same sentence again (cancel fires %s)',
    (cancelFires) => {
      const { synth, reader, highlighted, ended } = setup(cancelFires);
      reader.play(SENTENCES);
      synth.finish();
      reader.pause();
      expect(reader.state).toBe('paused');
      expect(reader.index).toBe(1);
      expect(synth.spoken).toHaveLength(2);
      reader.resume();
      expect(reader.state).toBe('playing');
      expect(synth.spoken.map((u) => u.text)).toEqual([SENTENCES[0], SENTENCES[1], SENTENCES[1]]);
      synth.finish();
      synth.finish();
      expect(highlighted).toEqual([0, 1, 1, 2]);
      expect(ended).toEqual([{ reason: 'finished' }]);
    },
  );

  it.each(['interrupted', 'end', 'nothing'] as const)(
    'stop ends reading once (cancel fires %s)',
    (cancelFires) => {
      const { synth, reader, ended } = setup(cancelFires);
      reader.play(SENTENCES);
      reader.stop();
      reader.stop();
      expect(reader.state).toBe('idle');
      expect(synth.spoken).toHaveLength(1);
      expect(ended).toEqual([{ reason: 'stopped' }]);
    },
  );

  it('ignores late events from an utterance it cancelled', () => {
    const { synth, reader, highlighted } = setup('nothing');
    reader.play(SENTENCES);
    const first = synth.current;
    reader.pause();
    reader.resume();
    first?.onend?.({ error: '' });
    expect(reader.index).toBe(0);
    expect(highlighted).toEqual([0, 0]);
  });

  it('a synthesis error ends reading with the error', () => {
    const { synth, reader, ended } = setup();
    reader.play(SENTENCES);
    synth.fail('synthesis-failed');
    expect(reader.state).toBe('idle');
    expect(ended).toEqual([{ reason: 'error', error: 'synthesis-failed' }]);
  });

  it('rate and voice apply from the next sentence; rate stays within 0.5 to 2', () => {
    const { synth, reader } = setup();
    reader.play(SENTENCES);
    reader.setRate(1.5);
    reader.setVoice(voice);
    synth.finish();
    reader.setRate(9);
    synth.finish();
    reader.setRate(0.1);
    reader.setVoice(null);
    reader.pause();
    reader.resume();
    expect(synth.spoken.map((u) => [u.rate, u.voice?.name ?? null, u.lang])).toEqual([
      [1, null, 'en-GB'],
      [1.5, 'Daniel', 'en-GB'],
      [2, 'Daniel', 'en-GB'],
      [0.5, null, 'en-GB'],
    ]);
    expect(reader.rate).toBe(0.5);
  });

  it('seek jumps while playing, and moves where resume starts while paused', () => {
    const { synth, reader, highlighted } = setup();
    reader.play(SENTENCES);
    reader.seek(2);
    expect(synth.current?.text).toBe(SENTENCES[2]);
    reader.pause();
    reader.seek(-4);
    expect(synth.spoken).toHaveLength(2);
    reader.resume();
    expect(synth.current?.text).toBe(SENTENCES[0]);
    expect(highlighted).toEqual([0, 2, 0]);
  });

  it('play while reading replaces what was being read', () => {
    const { synth, reader, ended } = setup();
    reader.play(SENTENCES);
    reader.play(['New text.']);
    synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual([SENTENCES[0], 'New text.']);
    expect(ended).toEqual([{ reason: 'finished' }]);
  });

  it('nothing to read ends at once; pause, resume and seek when idle do nothing', () => {
    const { synth, reader, ended } = setup();
    reader.pause();
    reader.resume();
    reader.seek(1);
    expect(synth.spoken).toHaveLength(0);
    reader.play([]);
    expect(ended).toEqual([{ reason: 'finished' }]);
    expect(reader.state).toBe('idle');
  });
});

describe('isSpeechSupported', () => {
  class Utterance {}
  const cases: { name: string; scope: object; expected: boolean }[] = [
    {
      name: 'both parts present',
      scope: { speechSynthesis: {}, SpeechSynthesisUtterance: Utterance },
      expected: true,
    },
    { name: 'no speechSynthesis', scope: { SpeechSynthesisUtterance: Utterance }, expected: false },
    { name: 'no utterance constructor', scope: { speechSynthesis: {} }, expected: false },
    {
      name: 'speechSynthesis is null',
      scope: { speechSynthesis: null, SpeechSynthesisUtterance: Utterance },
      expected: false,
    },
    { name: 'Node, where neither exists', scope: globalThis, expected: false },
  ];
  it.each(cases)('$name', ({ scope, expected }) => {
    expect(isSpeechSupported(scope)).toBe(expected);
  });
});
