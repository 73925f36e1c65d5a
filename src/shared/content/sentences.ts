// Splits lesson text into sentences for reading aloud, one utterance each, so the screen can highlight
// the sentence being read. Offsets point into the text as given, so a highlight lands on the exact words.

export type Sentence = {
  /** The sentence with runs of whitespace (hard-wrapped lines) as single spaces, ready to speak. */
  text: string;
  /** Offset of its first character in the input. */
  start: number;
  /** Offset just past its last character (end-exclusive, like `slice`). */
  end: number;
};

// Words that end in a full stop without ending a sentence. "etc" is left out on purpose: it ends a
// sentence more often than not. "no" counts only before a number ("No. 5").
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'sr',
  'jr',
  'rev',
  'hon',
  'vs',
  'v',
  'cf',
  'al',
  'approx',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'fig',
  'figs',
  'para',
  'paras',
  'p',
  'pp',
  'ch',
  'vol',
  'ed',
  'eds',
  'ref',
  'sec',
  'dept',
  'govt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

// A list marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ". Years ("2015. ") are not markers.
const BULLET = /^[ \t]*(?:[-*+•‣◦–—]|\d{1,3}[.)])[ \t]+/;
// End of a sentence: terminal punctuation, then any closing quotes or brackets.
const TERMINAL = /[.!?…]+["'”’»)\]]*/g;

/**
 * The sentences of a text, in order, with their offsets. A sentence ends at `.`, `!`, `?` or `…`
 * (with any closing quotes or brackets after it) followed by a space and anything but a lower-case
 * letter, except after an abbreviation ("e.g.", "Dr", "para."), an initial ("J."), "No." before a
 * number, or inside a number ("6.36"). A blank line, a line ending in a colon, and a line that starts
 * with a list marker (which is left out of the sentence) always start a new sentence, so list items
 * without full stops are sentences of their own. A single line break otherwise is a hard-wrapped line,
 * not a boundary: pass list items as separate lines with markers, or split per element before calling.
 */
export function splitSentences(input: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const [start, end] of blocks(input)) splitBlock(input, start, end, sentences);
  return sentences;
}

/** Ranges of text between forced boundaries (blank lines, colons at line end, list markers). */
function blocks(input: string): [number, number][] {
  const ranges: [number, number][] = [];
  let blockStart = -1;
  let blockEnd = -1;
  const close = () => {
    if (blockStart >= 0) ranges.push([blockStart, blockEnd]);
    blockStart = -1;
  };
  let offset = 0;
  for (const line of input.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') {
      close();
      continue;
    }
    const marker = BULLET.exec(line);
    if (marker) close();
    if (blockStart < 0) blockStart = lineStart + (marker ? marker[0].length : 0);
    blockEnd = lineStart + line.length;
    if (line.trimEnd().endsWith(':')) close();
  }
  close();
  return ranges;
}

function splitBlock(input: string, start: number, end: number, out: Sentence[]): void {
  let sentenceStart = start;
  const pattern = new RegExp(TERMINAL.source, 'g');
  pattern.lastIndex = start;
  for (let match = pattern.exec(input); match && match.index < end; match = pattern.exec(input)) {
    const after = Math.min(match.index + match[0].length, end);
    if (after < end && !/\s/.test(input.charAt(after))) continue;
    let next = after;
    while (next < end && /\s/.test(input.charAt(next))) next += 1;
    if (next < end && !endsSentence(input, match.index, match[0], input.charAt(next))) continue;
    push(input, sentenceStart, after, out);
    sentenceStart = next;
  }
  push(input, sentenceStart, end, out);
}

function endsSentence(input: string, at: number, terminal: string, nextChar: string): boolean {
  if (/\p{Ll}/u.test(nextChar)) return false;
  if (terminal.replace(/["'”’»)\]]+$/, '') !== '.') return true;
  let wordStart = at;
  while (wordStart > 0 && /[\p{L}.]/u.test(input.charAt(wordStart - 1))) wordStart -= 1;
  const word = input.slice(wordStart, at);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return !/\d/.test(nextChar);
  return !ABBREVIATIONS.has(lower);
}

function push(input: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(input.charAt(start))) start += 1;
  while (end > start && /\s/.test(input.charAt(end - 1))) end -= 1;
  if (end > start) out.push({ text: input.slice(start, end).replace(/\s+/g, ' '), start, end });
}
