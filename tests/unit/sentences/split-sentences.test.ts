import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/shared/content/sentences';

const cases: { name: string; text: string; expected: string[] }[] = [
  { name: 'empty text', text: '', expected: [] },
  { name: 'only whitespace', text: '  \n\n\t ', expected: [] },
  {
    name: 'one sentence without a full stop',
    text: 'Seat near the front',
    expected: ['Seat near the front'],
  },
  {
    name: 'full stops, questions and exclamations',
    text: 'Face the pupil. Do not talk while writing! Can everyone see? Good.',
    expected: ['Face the pupil.', 'Do not talk while writing!', 'Can everyone see?', 'Good.'],
  },
  {
    name: '"e.g." and "i.e." do not end a sentence',
    text: 'Use visuals, e.g. a timetable. Cut noise, i.e. close the door. Then check.',
    expected: ['Use visuals, e.g. a timetable.', 'Cut noise, i.e. close the door.', 'Then check.'],
  },
  {
    name: '"e.g." before a capital still does not end it',
    text: 'Ask a specialist, e.g. Speech and Language UK. They can help.',
    expected: ['Ask a specialist, e.g. Speech and Language UK.', 'They can help.'],
  },
  {
    name: 'titles such as Dr, Mrs and Prof with or without a full stop',
    text: 'Dr. Patel met Mrs. Khan. Prof. Bishop led CATALISE. Dr Norbury did SCALES.',
    expected: ['Dr. Patel met Mrs. Khan.', 'Prof. Bishop led CATALISE.', 'Dr Norbury did SCALES.'],
  },
  {
    name: 'numbers with points, and a paragraph reference in brackets',
    text: 'Teachers stay accountable (6.36, 6.52). About 7.58% of children have DLD. That is £6.50 each.',
    expected: [
      'Teachers stay accountable (6.36, 6.52).',
      'About 7.58% of children have DLD.',
      'That is £6.50 each.',
    ],
  },
  {
    name: 'a full stop after a number ends the sentence',
    text: 'The Code came into force in 2015. Schools must follow it.',
    expected: ['The Code came into force in 2015.', 'Schools must follow it.'],
  },
  {
    name: 'para., p. and No. before a number',
    text: 'See para. 6.44 and p. 12. Read No. 5 first. The answer is no. Then move on.',
    expected: ['See para. 6.44 and p. 12.', 'Read No. 5 first.', 'The answer is no.', 'Then move on.'],
  },
  {
    name: 'initials',
    text: 'The report by J. K. Davies was short. It helped.',
    expected: ['The report by J. K. Davies was short.', 'It helped.'],
  },
  {
    name: 'closing quotes stay with their sentence',
    text: 'She said, "Look at me." Then she waited. ‘Ready?’ Yes.',
    expected: ['She said, "Look at me."', 'Then she waited.', '‘Ready?’', 'Yes.'],
  },
  {
    name: 'a question in quotes followed by a lower-case word continues',
    text: '"Why now?" she asked. He smiled.',
    expected: ['"Why now?" she asked.', 'He smiled.'],
  },
  {
    name: 'an ellipsis before a capital ends a sentence; before lower case it does not',
    text: 'Wait… and watch. Then… Start again.',
    expected: ['Wait… and watch.', 'Then…', 'Start again.'],
  },
  {
    name: 'bullets without full stops are sentences, markers left out',
    text: 'Try this:\n- Seat near the front\n- Use visuals\n* Check hearing aids daily',
    expected: ['Try this:', 'Seat near the front', 'Use visuals', 'Check hearing aids daily'],
  },
  {
    name: 'numbered items',
    text: '1. Assess the need\n2) Plan the support\n3. Do it\n4. Review',
    expected: ['Assess the need', 'Plan the support', 'Do it', 'Review'],
  },
  {
    name: 'a hard-wrapped paragraph stays one sentence per sentence',
    text: 'When a pupil is not making progress, the SEND\nCode of Practice asks for a cycle. This\nlesson shows one.',
    expected: [
      'When a pupil is not making progress, the SEND Code of Practice asks for a cycle.',
      'This lesson shows one.',
    ],
  },
  {
    name: 'a blank line ends a heading without a full stop',
    text: 'A cycle, not a form\n\nThe Code calls this the graduated approach.',
    expected: ['A cycle, not a form', 'The Code calls this the graduated approach.'],
  },
  {
    name: 'a year at the start of a wrapped line is not a list marker',
    text: 'It was published in\n2015. It is statutory.',
    expected: ['It was published in 2015.', 'It is statutory.'],
  },
  {
    name: 'U.K. style abbreviations with dots',
    text: 'Across the U.K. many schools do this. Most find it helps.',
    expected: ['Across the U.K. many schools do this.', 'Most find it helps.'],
  },
];

describe('splitSentences', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('gives offsets that point at each sentence in the original text', () => {
    const text = '  Face the pupil.\n- Use  visuals\n\nGood. ';
    const sentences = splitSentences(text);
    expect(sentences).toEqual([
      { text: 'Face the pupil.', start: 2, end: 17 },
      { text: 'Use visuals', start: 20, end: 32 },
      { text: 'Good.', start: 34, end: 39 },
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
  });

  it('covers every word of the text exactly once, in order', () => {
    const text =
      'The EEF (2020) makes five recommendations, e.g. high-quality teaching. Dr Davies wrote it.\n\n' +
      '- Create a positive setting\n- Build an ongoing, holistic understanding\nAbout 1.7m pupils had SEN!';
    const sentences = splitSentences(text);
    for (let i = 1; i < sentences.length; i += 1) {
      expect(sentences[i]?.start).toBeGreaterThanOrEqual(sentences[i - 1]?.end ?? 0);
    }
    const words = (s: string) => s.split(/[\s]+/).filter((w) => w !== '' && w !== '-');
    expect(sentences.flatMap((s) => words(s.text))).toEqual(words(text));
  });
});
