import { describe, expect, it } from 'vitest';
import type { CpdLesson, CpdRecord, CpdSession } from '../../../src/shared/progress/cpd-record';
import { RECORD_CSV_HEADER, recordToCsv } from '../../../src/shared/progress/record-csv';

const totals = {
  lessonsCompleted: 0,
  modulesCompleted: 0,
  declaredMinutes: 0,
  minutesSpent: 0,
  refreshersAnswered: 0,
  refreshersCorrect: 0,
  reflections: 0,
  sessionsAttended: 0,
  sessionMinutes: 0,
};
const empty: CpdRecord = {
  lessons: [],
  modules: [],
  reflections: [],
  refreshers: [],
  confidence: [],
  sessions: [],
  totals,
};

const record: CpdRecord = {
  ...empty,
  lessons: [
    {
      lessonId: 'f1',
      lessonTitle: 'What SEN means',
      moduleId: 'foundations',
      moduleTitle: 'Foundations',
      completedAt: '2026-03-02T10:15:00.000Z',
      declaredMinutes: 5,
      msSpent: 400_000,
      minutesSpent: 7,
    },
    {
      lessonId: 'gone',
      lessonTitle: 'gone',
      completedAt: '2026-03-03T10:00:00.000Z',
      declaredMinutes: 0,
      msSpent: 0,
      minutesSpent: 0,
    },
  ],
  refreshers: [
    {
      lessonId: 'f1',
      lessonTitle: 'What SEN means',
      moduleTitle: 'Foundations',
      checkId: 'c1',
      answeredAt: '2026-03-05T08:00:00.000Z',
      correct: false,
    },
  ],
  reflections: [
    {
      lessonId: 'f1',
      lessonTitle: 'What SEN means',
      moduleTitle: 'Foundations',
      blockId: 'r1',
      text: 'Seat him near the front, away from the window',
      updatedAt: '2026-03-02T10:20:00.000Z',
      log: 'change',
    },
    {
      lessonId: 'f2',
      lessonTitle: 'The graduated approach',
      moduleTitle: 'Foundations',
      blockId: 'r3',
      text: 'She asks for the visual timetable herself now',
      updatedAt: '2026-03-11T09:00:00.000Z',
      log: 'impact',
    },
    { lessonId: 'old', lessonTitle: 'old', blockId: 'r2', text: 'Undated' },
  ],
  sessions: [
    {
      sessionId: 's1',
      moduleId: 'foundations',
      moduleTitle: 'Foundations',
      lessons: [
        { lessonId: 'f1', lessonTitle: 'What SEN means' },
        { lessonId: 'f2', lessonTitle: 'The graduated approach' },
      ],
      minutes: 20,
      attendedAt: '2026-03-10T15:30:00.000Z',
    },
  ],
  confidence: [
    {
      moduleId: 'foundations',
      moduleTitle: 'Foundations',
      before: 2,
      after: 13 / 3,
      change: 7 / 3,
      answeredAt: '2026-03-09T09:00:00.000Z',
    },
  ],
};

/** A small RFC 4180 reader, to check that what was written reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last row has no CRLF');
  return rows;
}

const HEADER =
  'Type,Date,Module,Lesson,Minutes planned,Time spent (minutes),Details,Confidence at the start,Confidence at the end,Confidence change,What I did,What I will change,Evidence of impact';
const F1_DONE = '"Studied the lesson “What SEN means” (Foundations), 5 minutes planned, 7 minutes spent"';
const SESSION_DONE =
  '"Attended a facilitated session on Foundations (“What SEN means”, “The graduated approach”), 20 minutes"';
const TEXTS = record.reflections.map((r) => r.text);

describe('recordToCsv', () => {
  it('with the learner’s reflections: reflection rows, and tagged notes on the row of what they did', () => {
    expect(recordToCsv(record, { includeReflections: true })).toBe(
      [
        HEADER,
        // f1's note to a prompt tagged "change" goes with f1's lesson row.
        `Lesson completed,2026-03-02,Foundations,What SEN means,5,7,,,,,${F1_DONE},"Seat him near the front, away from the window",`,
        // Nothing measured: a blank, as the page's "Not measured", not 0 minutes; nor "0 minutes planned".
        'Lesson completed,2026-03-03,,gone,0,,,,,,Studied the lesson “gone”,,',
        'Refresher,2026-03-05,Foundations,What SEN means,,,Incorrect,,,,,,',
        'Reflection,2026-03-02,Foundations,What SEN means,,,"Seat him near the front, away from the window",,,,,,',
        'Reflection,2026-03-11,Foundations,The graduated approach,,,She asks for the visual timetable herself now,,,,,,',
        'Reflection,,,old,,,Undated,,,,,,',
        // f2 was not completed alone, so its "impact" note goes with the session that covered it; f1's
        // note is already on f1's row and is not repeated here.
        `Session attended,2026-03-10,Foundations,What SEN means; The graduated approach,20,,Facilitated session,,,,${SESSION_DONE},,She asks for the visual timetable herself now`,
        'Confidence,2026-03-09,Foundations,,,,,2,4.3,2.3,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('without them (the default): what was done, and not one word of any note', () => {
    const csv = recordToCsv(record);
    expect(csv).toBe(
      [
        HEADER,
        `Lesson completed,2026-03-02,Foundations,What SEN means,5,7,,,,,${F1_DONE},,`,
        'Lesson completed,2026-03-03,,gone,0,,,,,,Studied the lesson “gone”,,',
        'Refresher,2026-03-05,Foundations,What SEN means,,,Incorrect,,,,,,',
        `Session attended,2026-03-10,Foundations,What SEN means; The graduated approach,20,,Facilitated session,,,,${SESSION_DONE},,`,
        'Confidence,2026-03-09,Foundations,,,,,2,4.3,2.3,,,',
        '',
      ].join('\r\n'),
    );
    expect(recordToCsv(record, { includeReflections: false })).toBe(csv);
    for (const text of TEXTS) expect(csv).not.toContain(text);
  });

  type ColumnCase = {
    name: string;
    reflections: CpdRecord['reflections'];
    include: boolean;
    cells: { did: string; change: string; impact: string };
  };
  const f1 = { lessonId: 'f1', lessonTitle: 'What SEN means', moduleTitle: 'Foundations' };
  const note = (blockId: string, text: string, log?: 'change' | 'impact', updatedAt?: string) => ({
    ...f1,
    blockId,
    text,
    ...(log ? { log } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  });
  const did = 'Studied the lesson “What SEN means” (Foundations), 5 minutes planned, 7 minutes spent';
  const columns: ColumnCase[] = [
    {
      name: 'no notes: only what was done',
      reflections: [],
      include: true,
      cells: { did, change: '', impact: '' },
    },
    {
      name: 'a "change" note fills What I will change only',
      reflections: [note('r1', 'Visual timetable on his desk', 'change')],
      include: true,
      cells: { did, change: 'Visual timetable on his desk', impact: '' },
    },
    {
      name: 'an "impact" note fills Evidence of impact only',
      reflections: [note('r1', 'He started work without a prompt', 'impact')],
      include: true,
      cells: { did, change: '', impact: 'He started work without a prompt' },
    },
    {
      name: 'an untagged note fills neither: its prompt did not ask',
      reflections: [note('r1', 'I felt unsure at first')],
      include: true,
      cells: { did, change: '', impact: '' },
    },
    {
      name: 'two notes of one tag: each on its own line, oldest first',
      reflections: [
        note('r1', 'Fewer words', 'change', '2026-03-02T09:00:00.000Z'),
        note('r2', 'Wait ten seconds', 'change', '2026-03-03T09:00:00.000Z'),
      ],
      include: true,
      cells: { did, change: 'Fewer words\nWait ten seconds', impact: '' },
    },
    {
      name: 'a note of another lesson stays off this row',
      reflections: [{ ...note('r1', 'Elsewhere', 'change'), lessonId: 'f9', lessonTitle: 'Other' }],
      include: true,
      cells: { did, change: '', impact: '' },
    },
    {
      name: 'tagged notes, not chosen: both columns blank',
      reflections: [note('r1', 'Visual timetable', 'change'), note('r2', 'He settled', 'impact')],
      include: false,
      cells: { did, change: '', impact: '' },
    },
  ];

  it.each(columns)('columns: $name', ({ reflections, include, cells }) => {
    const one: CpdRecord = { ...empty, lessons: [record.lessons[0] as CpdLesson], reflections };
    const rows = parseCsv(recordToCsv(one, { includeReflections: include }));
    const lessonRow = rows.find((r) => r[0] === 'Lesson completed') ?? [];
    expect(lessonRow.slice(-3)).toEqual([cells.did, cells.change, cells.impact]);
    // Every note has its own row when chosen, and none when not.
    expect(rows.filter((r) => r[0] === 'Reflection')).toHaveLength(include ? reflections.length : 0);
  });

  it('what a session row says it did, and a session whose lessons were all completed alone carries no note', () => {
    const session = record.sessions[0] as CpdSession;
    const rows = parseCsv(
      recordToCsv(
        {
          ...empty,
          lessons: [record.lessons[0] as CpdLesson],
          sessions: [session, { ...session, sessionId: 's2', attendedAt: '2026-03-12T15:30:00.000Z' }],
          reflections: [
            note('r1', 'Seat him by me', 'change'),
            { ...note('r3', 'Calmer', 'impact'), lessonId: 'f2' },
          ],
        },
        { includeReflections: true },
      ),
    ).filter((r) => r[0] === 'Session attended');
    expect(rows.map((r) => r.slice(-3))).toEqual([
      [SESSION_DONE.slice(1, -1), '', 'Calmer'],
      // The same lessons again: their notes are already on a row above.
      [SESSION_DONE.slice(1, -1), '', ''],
    ]);
  });

  it('writes only the header for an empty record', () => {
    expect(parseCsv(recordToCsv(empty))).toEqual([[...RECORD_CSV_HEADER]]);
  });

  const cells: { name: string; text: string; written: string; readBack: string }[] = [
    { name: 'plain text as is', text: 'Plain words', written: 'Plain words', readBack: 'Plain words' },
    { name: 'a comma is quoted', text: 'a, b', written: '"a, b"', readBack: 'a, b' },
    { name: 'quotes are doubled', text: 'say "now"', written: '"say ""now"""', readBack: 'say "now"' },
    { name: 'a line break is quoted', text: 'one\ntwo', written: '"one\ntwo"', readBack: 'one\ntwo' },
    { name: 'CRLF inside is quoted', text: 'one\r\ntwo', written: '"one\r\ntwo"', readBack: 'one\r\ntwo' },
    { name: '= is defused', text: '=SUM(A1:A9)', written: "'=SUM(A1:A9)", readBack: "'=SUM(A1:A9)" },
    {
      name: '+ is defused',
      text: '+44 7700 900000',
      written: "'+44 7700 900000",
      readBack: "'+44 7700 900000",
    },
    { name: '- is defused', text: '-2+3', written: "'-2+3", readBack: "'-2+3" },
    { name: '@ is defused', text: '@SUM(1)', written: "'@SUM(1)", readBack: "'@SUM(1)" },
    { name: 'a leading tab is defused', text: '\t=1', written: "'\t=1", readBack: "'\t=1" },
    {
      name: 'defused and quoted together',
      text: '=HYPERLINK("http://x","y")',
      written: '"\'=HYPERLINK(""http://x"",""y"")"',
      readBack: '\'=HYPERLINK("http://x","y")',
    },
    { name: 'a sign later in the text is left alone', text: 'a = b', written: 'a = b', readBack: 'a = b' },
  ];

  it.each(cells)('$name', ({ text, written, readBack }) => {
    const csv = recordToCsv(
      {
        ...empty,
        reflections: [{ lessonId: 'l', lessonTitle: text, blockId: 'b', text }],
      },
      { includeReflections: true },
    );
    const line = csv.split('\r\n').slice(1).join('\r\n');
    expect(line).toBe(`Reflection,,,${written},,,${written},,,,,,\r\n`);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['Reflection', '', '', readBack, '', '', readBack, '', '', '', '', '', '']);
  });

  it.each(cells)('in the CPD log columns too: $name', ({ text, written, readBack }) => {
    const csv = recordToCsv(
      {
        ...empty,
        lessons: [{ ...(record.lessons[1] as CpdLesson), lessonId: 'l' }],
        reflections: [
          { lessonId: 'l', lessonTitle: 'L', blockId: 'a', text, log: 'change' },
          { lessonId: 'l', lessonTitle: 'L', blockId: 'b', text, log: 'impact' },
        ],
      },
      { includeReflections: true },
    );
    // The rows after the header, whole (a quoted CRLF is inside them).
    expect(csv.slice(HEADER.length + 2, -2)).toBe(
      [
        `Lesson completed,2026-03-03,,gone,0,,,,,,Studied the lesson “gone”,${written},${written}`,
        `Reflection,,,L,,,${written},,,,,,`,
        `Reflection,,,L,,,${written},,,,,,`,
      ].join('\r\n'),
    );
    expect(parseCsv(csv)[1]?.slice(-2)).toEqual([readBack, readBack]);
  });

  const dates: { name: string; at: string; timeZone?: string; expected: string }[] = [
    { name: 'winter: London is UTC', at: '2026-01-31T23:30:00.000Z', expected: '2026-01-31' },
    {
      name: 'summer: 23:30 UTC is the next day in London',
      at: '2026-06-30T23:30:00.000Z',
      expected: '2026-07-01',
    },
    {
      name: 'the same instant in UTC',
      at: '2026-06-30T23:30:00.000Z',
      timeZone: 'UTC',
      expected: '2026-06-30',
    },
    { name: 'a time written with an offset', at: '2026-06-30T08:00:00-05:00', expected: '2026-06-30' },
  ];

  it.each(dates)('dates: $name', ({ at, timeZone, expected }) => {
    const one: CpdRecord = {
      ...empty,
      lessons: [
        { lessonId: 'l', lessonTitle: 'L', completedAt: at, declaredMinutes: 3, msSpent: 0, minutesSpent: 0 },
      ],
    };
    expect(parseCsv(recordToCsv(one, { timeZone }))[1]?.[1]).toBe(expected);
  });

  it('reads back to one row per entry with the same number of cells', () => {
    const rows = parseCsv(recordToCsv(record, { includeReflections: true }));
    expect(rows).toHaveLength(1 + 2 + 1 + 3 + 1 + 1);
    for (const row of rows) expect(row).toHaveLength(RECORD_CSV_HEADER.length);
  });

  const confidence: {
    name: string;
    before?: number;
    after?: number;
    change?: number;
    cells: [string, string, string];
  }[] = [
    {
      name: 'both stages: the means and the change',
      before: 2.5,
      after: 4,
      change: 1.5,
      cells: ['2.5', '4', '1.5'],
    },
    { name: 'only the start: end and change blank, not 0', before: 3, cells: ['3', '', ''] },
    { name: 'only the end: start and change blank', after: 4.25, cells: ['', '4.3', ''] },
    {
      name: 'a fall is a negative number, not defused text',
      before: 4,
      after: 3,
      change: -1,
      cells: ['4', '3', '-1'],
    },
    { name: 'no change is 0', before: 3, after: 3, change: 0, cells: ['3', '3', '0'] },
    {
      name: 'rounded to one decimal place',
      before: 1 / 3 + 2,
      after: 11 / 3,
      change: 4 / 3,
      cells: ['2.3', '3.7', '1.3'],
    },
  ];

  it.each(confidence)('confidence: $name', ({ before, after, change, cells }) => {
    const csv = recordToCsv({
      ...empty,
      confidence: [
        {
          moduleId: 'speech-language-dld',
          moduleTitle: 'Speech, language and DLD',
          ...(before !== undefined ? { before } : {}),
          ...(after !== undefined ? { after } : {}),
          ...(change !== undefined ? { change } : {}),
          answeredAt: '2026-05-01T12:00:00.000Z',
        },
      ],
    });
    expect(parseCsv(csv)).toEqual([
      [...RECORD_CSV_HEADER],
      ['Confidence', '2026-05-01', 'Speech, language and DLD', '', '', '', '', ...cells, '', '', ''],
    ]);
  });
});
