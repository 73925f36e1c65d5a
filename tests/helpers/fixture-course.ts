// A small compiled course for component tests, in exactly the shapes the content compiler emits:
// three modules (one for all staff, one for teachers and TAs, one for early years) and four lessons.
import type { Catalog, CatalogModule, Lesson, ModuleBundle } from '../../src/shared/content/content-types';
import { type LessonSeed, nextStep } from '../../src/shared/content/lesson-seed';

const whatSenMeans: Lesson = {
  id: 'foundations-what-sen-means',
  moduleId: 'foundations',
  title: 'What SEN means',
  minutes: 5,
  objectives: [
    'Tell special educational needs apart from disability',
    'Read “must” and “should” in the Code',
  ],
  sources: [
    {
      document: 'SEND code of practice: 0 to 25 years',
      publisher: 'Department for Education',
      year: 2015,
      url: 'https://www.gov.uk/government/publications/send-code-of-practice-0-to-25',
    },
  ],
  words: 420,
  hash: 'aaaa1111',
  sections: [
    { id: 'intro', title: 'What SEN means' },
    { id: 'additional-or-different', title: 'Additional or different' },
    { id: 'in-your-setting', title: 'In your setting' },
  ],
  blocks: [
    { type: 'html', id: 'html-1', section: 0, html: '<p>Every setting has children who need more help.</p>' },
    {
      type: 'html',
      id: 'html-2',
      section: 1,
      html: '<h2 id="additional-or-different">Additional or different</h2><p>Special provision is measured against peers.</p>',
    },
    {
      type: 'callout',
      id: 'callout-1',
      section: 1,
      kind: 'tip',
      title: 'Tip',
      html: '<p>Look at what peers of the same age normally get.</p>',
    },
    {
      type: 'check',
      id: 'special-provision',
      section: 1,
      question: '<p>Which of these is special educational provision?</p>',
      multiple: false,
      options: [
        {
          id: 'a',
          html: 'Any extra help a child gets at school',
          correct: false,
          explanation:
            '<p>Not quite. Every child gets help; special provision is measured against peers.</p>',
        },
        {
          id: 'b',
          html: 'Help that is additional to, or different from, what peers normally receive',
          correct: true,
          explanation: '<p>Yes. This is the Code’s definition.</p>',
        },
      ],
    },
    {
      type: 'html',
      id: 'html-3',
      section: 2,
      html: '<h2 id="in-your-setting">In your setting</h2><p>Think about one child.</p>',
    },
    {
      type: 'callout',
      id: 'callout-2',
      section: 2,
      kind: 'try',
      title: 'Tomorrow',
      html: '<p>Write down what one pupil needs that classmates do not.</p>',
    },
    {
      type: 'reflect',
      id: 'my-pupil',
      section: 2,
      prompt: '<p>Which parts of a pupil’s help are additional to what classmates get?</p>',
    },
    {
      type: 'discuss',
      minutes: 5,
      html: '<p>Which pupils in your class get help that is <strong>different</strong> from their classmates’?</p>',
    },
    {
      type: 'facilitator',
      html: '<p>Allow five minutes in pairs. Listen for staff who treat any extra help as special provision.</p>',
    },
  ],
};

const senSupport: Lesson = {
  id: 'foundations-sen-support',
  moduleId: 'foundations',
  title: 'SEN support and EHC plans',
  minutes: 4,
  objectives: ['Describe the graduated approach'],
  sources: [],
  words: 380,
  hash: 'bbbb2222',
  sections: [{ id: 'intro', title: 'SEN support and EHC plans' }],
  blocks: [
    { type: 'html', id: 'html-1', section: 0, html: '<p>The graduated approach is a cycle.</p>' },
    {
      type: 'check',
      id: 'cycle',
      section: 0,
      question: '<p>Which are steps of the graduated approach?</p>',
      multiple: true,
      options: [
        { id: 'assess', html: 'Assess', correct: true, explanation: '<p>Yes, it starts here.</p>' },
        { id: 'plan', html: 'Plan', correct: true, explanation: '<p>Yes.</p>' },
        { id: 'punish', html: 'Punish', correct: false, explanation: '<p>No.</p>' },
      ],
    },
  ],
};

const whatDldIs: Lesson = {
  id: 'speech-language-dld-what-dld-is',
  moduleId: 'speech-language-dld',
  title: 'What DLD is',
  minutes: 6,
  objectives: ['Explain what developmental language disorder is'],
  sources: [],
  words: 500,
  hash: 'cccc3333',
  sections: [{ id: 'intro', title: 'What DLD is' }],
  blocks: [{ type: 'html', id: 'html-1', section: 0, html: '<p>DLD is common and lifelong.</p>' }],
};

const playAndTalk: Lesson = {
  id: 'early-years-play-and-talk',
  moduleId: 'early-years',
  title: 'Play and talk',
  minutes: 3,
  objectives: ['Use play to build talk'],
  sources: [],
  words: 300,
  hash: 'dddd4444',
  sections: [{ id: 'intro', title: 'Play and talk' }],
  blocks: [{ type: 'html', id: 'html-1', section: 0, html: '<p>Talk while you play.</p>' }],
};

function catalogEntry(
  module: Omit<CatalogModule, 'lessons' | 'file' | 'bytes'>,
  lessons: Lesson[],
): { entry: CatalogModule; bundle: ModuleBundle } {
  const file = `modules/${module.id}.${module.hash}.json`;
  const bundle: ModuleBundle = { id: module.id, hash: module.hash, lessons };
  const entry: CatalogModule = {
    ...module,
    file,
    bytes: JSON.stringify(bundle).length,
    lessons: lessons.map(({ id, title, minutes, objectives, words, hash, sections, blocks }) => ({
      id,
      title,
      minutes,
      objectives,
      words,
      hash,
      sections,
      checks: blocks.filter((b) => b.type === 'check').length,
    })),
  };
  return { entry, bundle };
}

const modules = [
  catalogEntry(
    {
      id: 'foundations',
      title: 'Foundations: the SEND Code of Practice',
      summary: 'What the law and the Code ask of every member of staff.',
      audiences: ['all'],
      areas: ['whole-school'],
      order: 1,
      confidence: [
        'I feel confident to explain what SEN means in law',
        'I feel confident to tell SEN support apart from an EHC plan',
        'I feel confident to explain how my role fits with the SENCO’s',
      ],
      hash: 'f0f0f0f0',
    },
    [whatSenMeans, senSupport],
  ),
  catalogEntry(
    {
      id: 'speech-language-dld',
      title: 'Speech, language and DLD',
      summary: 'Spot and support language difficulties.',
      audiences: ['teacher', 'ta'],
      areas: ['communication-interaction'],
      order: 2,
      hash: 'd1d1d1d1',
    },
    [whatDldIs],
  ),
  catalogEntry(
    {
      id: 'early-years',
      title: 'Early years',
      summary: 'Inclusion in the nursery room.',
      audiences: ['early-years'],
      areas: ['cognition-learning'],
      order: 3,
      hash: 'e2e2e2e2',
    },
    [playAndTalk],
  ),
];

export const fixtureCatalog: Catalog = {
  version: 'fixture-1',
  modules: modules.map((m) => m.entry),
  pathways: [{ role: 'ta', title: 'Teaching assistants', modules: ['speech-language-dld', 'foundations'] }],
};

/** Bundles by their path relative to `/content/`. */
export const fixtureBundles: Record<string, ModuleBundle> = Object.fromEntries(
  modules.map((m) => [m.entry.file, m.bundle]),
);

/** The seed the build would embed in a fixture lesson's page (src/course-compiler/vite-plugin-lesson-pages.ts). */
export function fixtureSeed(moduleId: string, lessonId: string): LessonSeed {
  const module = fixtureCatalog.modules.find((m) => m.id === moduleId);
  const lesson = module && fixtureBundles[module.file]?.lessons.find((l) => l.id === lessonId);
  if (!module || !lesson) throw new Error(`no ${moduleId}/${lessonId} in the fixture course`);
  return { module, lesson, next: nextStep(fixtureCatalog, moduleId, lessonId) };
}
