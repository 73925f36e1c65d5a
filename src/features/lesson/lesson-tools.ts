import { createContext, type ReactNode } from 'react';

/**
 * Tools the app puts under a lesson's title (read aloud). A context rather than an import, because a
 * feature never imports another feature: the app composes them (app-routes.tsx). The tool finds the
 * lesson text as the `<article>` it is rendered in.
 */
export const LessonTools = createContext<ReactNode>(null);
