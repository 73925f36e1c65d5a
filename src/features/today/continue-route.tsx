import { Navigate } from 'react-router';
import { Loading } from '../../components/loading';
import { useToday } from './use-today';

/**
 * `/continue`, the home-screen shortcut "Continue learning": straight into the lesson in progress, which
 * opens at its saved section; Today when there is none (or no course to plan from).
 */
export function ContinueRoute() {
  const view = useToday();
  if (view.state === 'loading') return <Loading what="your lesson" />;
  const lesson = view.state === 'ready' ? view.plan.continueWith : undefined;
  return <Navigate replace to={lesson ? `/modules/${lesson.module.id}/${lesson.lesson.id}` : '/'} />;
}
