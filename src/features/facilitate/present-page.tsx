// Presenting a facilitated session: first its plan (length, first lesson, follow-up date), then the slides,
// full screen, moved on by the keyboard or a presentation clicker, with the clock against the plan.
import { useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { Presenting } from './presenting';
import { SessionSetup } from './session-setup';
import { useModuleLessons } from './use-module-lessons';

export function PresentPage() {
  const { moduleId = '' } = useParams();
  const [params] = useSearchParams();
  const view = useModuleLessons(moduleId);
  if (view.state === 'loading') {
    return (
      <main className="present-main">
        <PageHeading title="Run a session" />
        <Loading what="the module" />
      </main>
    );
  }
  if (view.state !== 'ready') return <ModuleProblem state={view.state} />;
  const sessionId = params.get('session');
  return sessionId ? (
    <Presenting module={view.module} lessons={view.lessons} sessionId={sessionId} />
  ) : (
    <SessionSetup module={view.module} lessons={view.lessons} />
  );
}

function ModuleProblem({ state }: { state: 'not-found' | 'needs-connection' | 'failed' }) {
  return (
    <main className="present-main">
      <PageHeading title="Run a session" />
      <p role="alert">
        {state === 'not-found'
          ? 'There is no module at this address.'
          : state === 'needs-connection'
            ? 'This module is not on this device yet. Connect to the internet once, or download the module from its page, and it will run offline from then on.'
            : 'The module could not be loaded. Check the connection and try again.'}
      </p>
      <p>
        <a href="/modules">All modules</a>
      </p>
    </main>
  );
}
