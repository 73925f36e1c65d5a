import type { RouteObject } from 'react-router';
import { ErrorPage } from './error-page';
import { Layout } from './layout';

// Every page is its own chunk, loaded when first visited, so the first screen ships only what it shows.
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: ErrorPage,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/today/today-page')).TodayPage }),
      },
      {
        path: 'modules',
        lazy: async () => ({
          Component: (await import('../features/catalogue/catalogue-page')).CataloguePage,
        }),
      },
      {
        path: 'modules/:moduleId',
        lazy: async () => ({ Component: (await import('../features/module/module-page')).ModulePage }),
      },
      {
        path: 'modules/:moduleId/:lessonId',
        lazy: async () => ({ Component: (await import('../features/lesson/lesson-page')).LessonPage }),
      },
      {
        path: 'record',
        lazy: async () => ({ Component: (await import('../features/record/record-page')).RecordPage }),
      },
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('../features/settings/settings-page')).SettingsPage }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./not-found-page')).NotFoundPage }),
      },
    ],
  },
];
