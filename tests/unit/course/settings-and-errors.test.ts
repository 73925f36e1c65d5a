import { describe, expect, it } from 'vitest';
import { isQuotaError } from '../../../src/lib/browser/is-quota-error';
import { inlineHtml } from '../../../src/shared/content/inline-html';
import { parseSettings } from '../../../src/shared/device/settings';

describe('parseSettings', () => {
  it.each([
    { body: undefined, expected: { textSize: 100, theme: 'system' } },
    {
      body: { role: 'ta', textSize: 150, theme: 'dark' },
      expected: { role: 'ta', textSize: 150, theme: 'dark' },
    },
    { body: { role: 'pilot', textSize: 900, theme: 'neon' }, expected: { textSize: 200, theme: 'system' } },
    { body: { textSize: 20 }, expected: { textSize: 100, theme: 'system' } },
    { body: { textSize: '150' }, expected: { textSize: 100, theme: 'system' } },
  ])('reads $body', ({ body, expected }) => {
    expect(parseSettings(body)).toEqual(expected);
  });
});

describe('isQuotaError', () => {
  const quota = new DOMException('full', 'QuotaExceededError');
  it.each([
    { error: quota, expected: true },
    { error: { name: 'AbortError', inner: quota }, expected: true },
    { error: { name: 'AbortError', inner: { name: 'AbortError', inner: quota } }, expected: true },
    { error: { name: 'AbortError', inner: new Error('other') }, expected: false },
    { error: new TypeError('Failed to fetch'), expected: false },
    { error: null, expected: false },
  ])('$error.name → $expected', ({ error, expected }) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('inlineHtml', () => {
  it.each([
    { html: '<p>Which one?</p>', expected: 'Which one?' },
    { html: '<p>One</p><p>Two</p>', expected: '<p>One</p><p>Two</p>' },
    { html: 'Plain <em>text</em>', expected: 'Plain <em>text</em>' },
  ])('$html', ({ html, expected }) => {
    expect(inlineHtml(html)).toBe(expected);
  });
});
