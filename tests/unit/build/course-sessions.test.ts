import { expect, it } from 'vitest';
import { compileCourse } from '../../../src/course-compiler/compile-course';
import { readContentDir } from '../../../src/course-compiler/read-content-dir';
import type { LessonBlock } from '../../../src/shared/content/content-types';

type Discuss = Extract<LessonBlock, { type: 'discuss' }>;
type Facilitator = Extract<LessonBlock, { type: 'facilitator' }>;

// Issue 18: every module is ready to run as a 20-minute staff-meeting session. Each lesson has a prompt to
// discuss and notes for whoever leads it, and the notes cover what docs/authoring.md asks of them.
it('gives every lesson of the course a discussion prompt and facilitator notes that fit a 20-minute session', async () => {
  const result = compileCourse('content', await readContentDir('content'));
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const gaps: string[] = [];
  for (const bundle of result.bundles) {
    let minutes = 0;
    for (const lesson of bundle.lessons) {
      const prompts = lesson.blocks.filter((b): b is Discuss => b.type === 'discuss');
      const notes = lesson.blocks.filter((b): b is Facilitator => b.type === 'facilitator');
      if (prompts.length === 0) gaps.push(`${lesson.id}: no :::discuss`);
      if (notes.length === 0) gaps.push(`${lesson.id}: no :::facilitator`);
      const text = notes.map((n) => n.html).join(' ');
      for (const part of ['Timing:', 'Listen for:', 'Misconception:', 'Include everyone:']) {
        if (notes.length > 0 && !text.includes(`<strong>${part}</strong>`))
          gaps.push(`${lesson.id}: notes lack ${part}`);
      }
      minutes += prompts.reduce((sum, p) => sum + p.minutes, 0);
    }
    // Discussion takes at most 12 of the 20 minutes, leaving time for the input, the poll and the commitment.
    if (minutes > 12) gaps.push(`${bundle.id}: ${minutes} minutes of discussion`);
  }
  expect(gaps).toEqual([]);
});
