import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app';

describe('not-found pages', () => {
  it('answers an unknown path with links back', async () => {
    renderApp('/nowhere/at/all');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse all modules' })).toHaveAttribute('href', '/modules');
    expect(screen.getByRole('link', { name: 'Go to Today' })).toHaveAttribute('href', '/');
  });

  it('answers an unknown module', async () => {
    renderApp('/modules/no-such-module');
    expect(await screen.findByRole('heading', { level: 1, name: 'Module not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse all modules' })).toBeInTheDocument();
  });

  it('answers an unknown lesson in a known module with a link to that module', async () => {
    renderApp('/modules/foundations/no-such-lesson');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lesson not found' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to Foundations: the SEND Code of Practice' }),
    ).toHaveAttribute('href', '/modules/foundations');
  });

  it('answers a lesson under the wrong module', async () => {
    renderApp('/modules/early-years/foundations-what-sen-means');
    expect(await screen.findByRole('heading', { level: 1, name: 'Lesson not found' })).toBeInTheDocument();
  });
});
