// The compiled course as the app receives it. The compiler (src/course-compiler/) writes these shapes to
// dist/content/; the reader, the service worker and the tests read them. Shapes and the constant lists they
// are built from; no imports, so any bundle may take them.

export const AUDIENCES = ['teacher', 'ta', 'early-years', 'college', 'leader', 'support', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AREAS = [
  'communication-interaction',
  'cognition-learning',
  'semh',
  'sensory-physical',
  'whole-school',
] as const;
export type Area = (typeof AREAS)[number];

/** Where a lesson's facts come from (front matter `sources`). */
export type Source = {
  document: string;
  publisher: string;
  year: number | string;
  url?: string;
  /** ISO date the author last checked the source. */
  checked?: string;
};

/**
 * A lesson is split into sections at its level-2 headings. Section 0 is the part before the first
 * `##` heading (its title is the lesson title). Reading position and `section-reached` events refer
 * to section ids, which are slugs of the heading text and stable while the heading is unchanged.
 */
export type LessonSection = { id: string; title: string };

export type CheckOption = {
  id: string;
  /** Sanitised inline HTML. */
  html: string;
  correct: boolean;
  /** Sanitised HTML shown after the learner picks this option. */
  explanation: string;
};

/**
 * Every block but the two for facilitated sessions carries `section`, the index into `Lesson.sections` of
 * the section it belongs to. A `discuss` prompt (with the minutes to allow) and `facilitator` notes belong
 * to the section of the block before them. Learners never see facilitator notes; they see a discuss
 * prompt as something to think about or talk over with a colleague.
 */
export type LessonBlock =
  | { type: 'html'; id: string; section: number; html: string }
  | {
      type: 'check';
      id: string;
      section: number;
      /** Sanitised HTML of the question. */
      question: string;
      /** True when more than one option is correct: the learner must pick all of them. */
      multiple: boolean;
      options: CheckOption[];
    }
  | {
      type: 'reflect';
      id: string;
      section: number;
      prompt: string;
      /** What the prompt asks, for a CPD log (`:::reflect{log=change}`); absent when the author did not say. */
      log?: ReflectLog;
    }
  | {
      type: 'callout';
      id: string;
      section: number;
      kind: 'tip' | 'key' | 'try';
      title: string;
      html: string;
    }
  | { type: 'discuss'; minutes: number; html: string }
  | { type: 'facilitator'; html: string };

/**
 * A reflection prompt that asks what the learner will change in their practice, or for evidence of the
 * impact of a change: the CPD record's CSV puts the learner's answer in that column, when they choose to
 * include their reflections (docs/learning-features.md).
 */
export type ReflectLog = 'change' | 'impact';

/**
 * What readers call each kind of callout, shown before its title ("Try this: Map the room"). The compiler
 * titles a callout whose heading is only its kind with this label, and readers then show the label once,
 * so the compiler and both readers (the app and the prerendered page) take it from here.
 */
export const CALLOUT_LABELS = {
  tip: 'Tip',
  key: 'Key point',
  try: 'Try this',
} as const satisfies Record<Extract<LessonBlock, { type: 'callout' }>['kind'], string>;

/**
 * What a self-study learner reads before a `:::discuss` prompt: with no group to talk to, the prompt is
 * something to think over alone or with a colleague. The app and the prerendered page both show it.
 * Kept here rather than in a file of its own: a new shared module changes how the build splits chunks
 * and costs the first screen about a kilobyte.
 */
export const DISCUSS_LABEL = 'Think about, or talk with a colleague:';

export type Lesson = {
  id: string;
  moduleId: string;
  title: string;
  minutes: number;
  objectives: string[];
  sources: Source[];
  words: number;
  hash: string;
  sections: LessonSection[];
  blocks: LessonBlock[];
};

/** `dist/content/modules/<id>.<hash>.json`. */
export type ModuleBundle = {
  id: string;
  hash: string;
  lessons: Lesson[];
};

export type CatalogLesson = {
  id: string;
  title: string;
  minutes: number;
  objectives: string[];
  words: number;
  hash: string;
  sections: LessonSection[];
  /** Number of knowledge checks in the lesson. */
  checks: number;
  /**
   * The lesson's tagged reflection prompts, by block id, so the CPD record can place a note in its column
   * without the lesson on the device. Absent when none is tagged (and in catalogues made before tags).
   */
  reflectLog?: Record<string, ReflectLog>;
};

export type CatalogModule = {
  id: string;
  title: string;
  summary: string;
  audiences: Audience[];
  areas: Area[];
  order: number;
  updated?: string;
  /**
   * Three or four "I feel confident to …" statements the learner rates at the start and the end of the
   * module (front matter `confidence`). Missing for a module whose authors have not written them.
   */
  confidence?: string[];
  hash: string;
  /** Size in bytes of the module bundle file. */
  bytes: number;
  /** Path of the bundle relative to the catalogue, e.g. `modules/foundations.3f9a1c2b.json`. */
  file: string;
  lessons: CatalogLesson[];
};

/** A role's recommended order of modules (content/pathways.yaml). */
export type Pathway = {
  role: Exclude<Audience, 'all'>;
  title: string;
  modules: string[];
};

/** `dist/content/catalog.json`. */
export type Catalog = {
  /** Hash over every module hash: changes whenever any lesson changes. */
  version: string;
  modules: CatalogModule[];
  pathways: Pathway[];
};
