import { describe, expect, it } from 'vitest';
import {
  BundleMismatchError,
  bundleProblem,
  checkedBundle,
} from '../../../src/shared/content/checked-bundle';

const module = { id: 'foundations', hash: 'h1' };
const lesson = { id: 'foundations-a', moduleId: 'foundations' };

describe('bundleProblem', () => {
  it.each([
    {
      name: 'the bundle the catalogue names',
      value: { id: 'foundations', hash: 'h1', lessons: [lesson] },
      problem: undefined,
    },
    {
      name: 'a bundle with no lessons yet',
      value: { id: 'foundations', hash: 'h1', lessons: [] },
      problem: undefined,
    },
    {
      name: 'not an object (a proxy page parsed as a string)',
      value: '<html>',
      problem: 'not a module bundle',
    },
    { name: 'null', value: null, problem: 'not a module bundle' },
    {
      name: 'another module',
      value: { id: 'early-years', hash: 'h1', lessons: [] },
      problem: 'it is module early-years, not foundations',
    },
    {
      name: 'another version',
      value: { id: 'foundations', hash: 'h2', lessons: [] },
      problem: "its version h2 is not the catalogue's h1",
    },
    { name: 'lessons missing', value: { id: 'foundations', hash: 'h1' }, problem: 'it has no lessons' },
    {
      name: "another module's lesson",
      value: { id: 'foundations', hash: 'h1', lessons: [{ id: 'x', moduleId: 'early-years' }] },
      problem: 'a lesson in it has no id or belongs to another module',
    },
    {
      name: 'a lesson without an id',
      value: { id: 'foundations', hash: 'h1', lessons: [{ moduleId: 'foundations' }] },
      problem: 'a lesson in it has no id or belongs to another module',
    },
  ])('$name', ({ value, problem }) => {
    expect(bundleProblem(module, value)).toBe(problem);
  });
});

describe('checkedBundle', () => {
  it('returns the bundle when it is the one named, and throws with the reason otherwise', () => {
    const bundle = { id: 'foundations', hash: 'h1', lessons: [lesson] };
    expect(checkedBundle(module, bundle)).toBe(bundle);
    expect(() => checkedBundle(module, { ...bundle, hash: 'h0' })).toThrow(BundleMismatchError);
    expect(() => checkedBundle(module, { ...bundle, hash: 'h0' })).toThrow(/foundations: its version h0/);
  });
});
