import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog } from '../../lib/stores/catalog-status';
import { format } from '../../lib/text/format';
import { loadSearchIndex } from './load-search-index';
import { searchLessons } from './search-lessons';
import './search.css';

type IndexState =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'ready'; index: Awaited<ReturnType<typeof loadSearchIndex>> };

/** The search page: every lesson's title, objectives and text, searched on the device, with or without a connection. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const inputId = useId();
  const [loaded, setLoaded] = useState<IndexState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const stored = useLiveQuery(() => lessonsRepo.storedIds(), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how "Try again" asks for another load.
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    loadSearchIndex().then(
      (index) => live && setLoaded({ state: 'ready', index }),
      () => live && setLoaded({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const setQuery = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  };

  const result =
    loaded.state === 'ready' && catalog ? searchLessons(loaded.index, catalog, query) : undefined;

  return (
    <>
      <PageHeading title="Search" />
      <search>
        <form className="search-form" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={inputId}>Search lessons</label>
          <input
            id={inputId}
            className="text-input"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby={`${inputId}-hint`}
          />
          <p id={`${inputId}-hint`} className="meta">
            Titles, objectives and the text of every lesson, also with no connection. Abbreviations work both
            ways: EHCP or EHC plan, SENCO, ASD or autism, DLD.
          </p>
        </form>
      </search>
      {loaded.state === 'failed' ? (
        <div role="alert">
          <p>
            Search could not load. It is saved with the app the first time the app opens with a connection:
            connect once, then it works offline.
          </p>
          <button type="button" className="button button--quiet" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : !result ? (
        query.trim() && <Loading what="search" />
      ) : (
        <SearchResults query={query} result={result} stored={stored} />
      )}
    </>
  );
}

function SearchResults({
  query,
  result,
  stored,
}: {
  query: string;
  result: ReturnType<typeof searchLessons>;
  stored: ReadonlySet<string> | undefined;
}) {
  const asked = query.trim();
  const count = result.hits.length;
  return (
    <>
      <p role="status" className="meta">
        {!asked
          ? ''
          : count === 0
            ? `No lessons found for “${asked}”. Try fewer or shorter words.`
            : result.partial
              ? `No lesson has all of “${asked}”. ${count === 1 ? '1 lesson has' : `${count} lessons have`} some of those words.`
              : `${count === 1 ? '1 lesson' : `${count} lessons`} found for “${asked}”.`}
      </p>
      {count > 0 && (
        <ul className="lesson-list search-results" aria-label="Search results">
          {result.hits.map((hit) => (
            <li key={`${hit.moduleId}/${hit.lessonId}`}>
              <Link to={`/modules/${hit.moduleId}/${hit.lessonId}`}>{hit.title}</Link>
              <span className="meta">
                {hit.moduleTitle} · {format.minutes(hit.minutes)} ·{' '}
                {stored === undefined
                  ? ''
                  : stored.has(hit.lessonId)
                    ? 'Downloaded'
                    : 'Not downloaded: needs a connection'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
