import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

/** Stands in for SpeechSynthesisUtterance: the reader only sets these fields. */
class FakeUtterance {
  rate = 1;
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  onend: ((event: { error: string }) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

const voices = [
  { name: 'Daniel', lang: 'en-GB', voiceURI: 'daniel', localService: true, default: true },
  { name: 'Amélie', lang: 'fr-FR', voiceURI: 'amelie', localService: true, default: false },
  { name: 'Cloud Kate', lang: 'en-GB', voiceURI: 'kate', localService: false, default: false },
] as SpeechSynthesisVoice[];

/** Stands in for speechSynthesis: speaks nothing, lets the test finish each sentence. */
class FakeSynth {
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  speak(u: SpeechSynthesisUtterance) {
    const fake = u as unknown as FakeUtterance;
    this.spoken.push(fake);
    this.current = fake;
  }
  cancel() {
    const u = this.current;
    this.current = null;
    u?.onerror?.({ error: 'interrupted' });
  }
  getVoices() {
    return voices;
  }
  addEventListener() {}
  removeEventListener() {}
  finish() {
    const u = this.current;
    this.current = null;
    u?.onend?.({ error: '' });
  }
}

function installSpeech() {
  const synth = new FakeSynth();
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return synth;
}

describe('read aloud', () => {
  it('reads the lesson sentence by sentence, highlights the one being read, pauses and resumes', async () => {
    const synth = installSpeech();
    const { user } = renderApp(LESSON);
    const controls = await screen.findByRole('group', { name: 'Read aloud' });
    await user.click(within(controls).getByRole('button', { name: 'Read aloud' }));

    expect(synth.spoken.map((u) => u.text)).toEqual(['What SEN means']);
    const title = screen.getByRole('heading', { level: 1, name: 'What SEN means' });
    expect(title).toHaveClass('read-aloud-current');
    synth.finish();
    expect(synth.current?.text).toBe('In this lesson you will learn to');
    await waitFor(() => expect(title).not.toHaveClass('read-aloud-current'));
    expect(screen.getByRole('heading', { level: 2, name: 'In this lesson you will learn to' })).toHaveClass(
      'read-aloud-current',
    );

    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Speed' }), '1.5');
    await user.selectOptions(within(controls).getByRole('combobox', { name: 'Voice' }), 'daniel');
    synth.finish();
    expect(synth.current).toMatchObject({
      text: 'Tell special educational needs apart from disability',
      rate: 1.5,
      lang: 'en-GB',
    });
    expect(synth.current?.voice?.name).toBe('Daniel');

    await user.click(within(controls).getByRole('button', { name: 'Pause reading' }));
    expect(synth.current).toBeNull();
    expect(within(controls).getByRole('status')).toHaveTextContent('Paused.');
    await user.click(within(controls).getByRole('button', { name: 'Resume reading' }));
    // Resume starts the paused sentence again from its beginning.
    expect(synth.current?.text).toBe('Tell special educational needs apart from disability');

    await user.click(within(controls).getByRole('button', { name: 'Stop' }));
    expect(within(controls).getByRole('button', { name: 'Read aloud' })).toBeInTheDocument();
    expect(document.querySelector('.read-aloud-current')).toBeNull();
  });

  it('reads the lesson body as sentences, leaving out the controls around it', async () => {
    const synth = installSpeech();
    const { user } = renderApp(LESSON);
    const controls = await screen.findByRole('group', { name: 'Read aloud' });
    await user.click(within(controls).getByRole('button', { name: 'Read aloud' }));
    act(() => {
      for (let i = 0; i < 60 && synth.current; i += 1) synth.finish();
    });
    const texts = synth.spoken.map((u) => u.text);
    expect(texts).toContain('Every setting has children who need more help.');
    expect(texts).toContain('Additional or different');
    expect(texts).toContain('Check your understanding: Which of these is special educational provision?');
    expect(texts).toContain('Help that is additional to, or different from, what peers normally receive');
    // Icons are hidden from assistive technology, so they are not read either.
    expect(texts).toContain('Tip');
    expect(texts).not.toContain('Check answer');
    expect(texts).not.toContain('5 minutes');
    expect(await within(controls).findByRole('button', { name: 'Read aloud' })).toBeInTheDocument();
  });

  it('offers device voices, English first, and says which need the internet', async () => {
    installSpeech();
    renderApp(LESSON);
    const voice = await screen.findByRole('combobox', { name: 'Voice' });
    expect(
      within(voice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Device default', 'Cloud Kate (en-GB), needs internet', 'Daniel (en-GB)', 'Amélie (fr-FR)']);
  });

  it('is hidden where the browser cannot speak', async () => {
    renderApp(LESSON);
    await screen.findByRole('heading', { level: 1, name: 'What SEN means' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByRole('group', { name: 'Read aloud' })).not.toBeInTheDocument();
  });
});

describe('read aloud, rough edges', () => {
  it('says plainly when the device has no voice, not the browser’s error code', async () => {
    const synth = installSpeech();
    synth.getVoices = () => [];
    const { user } = renderApp(LESSON);
    const controls = await screen.findByRole('group', { name: 'Read aloud' });
    await user.click(within(controls).getByRole('button', { name: 'Read aloud' }));
    act(() => synth.current?.onerror?.({ error: 'synthesis-failed' }));
    const status = within(controls).getByRole('status');
    expect(status).toHaveTextContent(
      'Read aloud needs a voice on this device, and none is installed or available. Add one in your device’s text-to-speech settings, then try again.',
    );
    expect(status).not.toHaveTextContent('synthesis-failed');
  });

  it('remembers the chosen speed and voice on this device', async () => {
    localStorage.clear();
    const synth = installSpeech();
    const first = renderApp(LESSON);
    let controls = await screen.findByRole('group', { name: 'Read aloud' });
    await first.user.selectOptions(within(controls).getByRole('combobox', { name: 'Speed' }), '1.25');
    await first.user.selectOptions(await within(controls).findByRole('combobox', { name: 'Voice' }), 'kate');
    first.unmount();

    const again = renderApp(LESSON);
    controls = await screen.findByRole('group', { name: 'Read aloud' });
    expect(within(controls).getByRole('combobox', { name: 'Speed' })).toHaveValue('1.25');
    expect(await within(controls).findByRole('combobox', { name: 'Voice' })).toHaveValue('kate');
    await again.user.click(within(controls).getByRole('button', { name: 'Read aloud' }));
    expect(synth.spoken[0]?.rate).toBe(1.25);
    expect(synth.spoken[0]?.voice?.voiceURI).toBe('kate');
    localStorage.clear();
  });
});
