import { Link } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableRegion } from '../../components/table-region';
import { format } from '../../lib/text/format';
import { confidenceChangeText, confidenceScore } from '../../shared/progress/confidence-text';
import { RecordCsvDownload } from './record-csv-download';
import { useRecord } from './use-record';
import './record.css';

export function RecordPage() {
  const view = useRecord();
  if (view.state === 'loading') {
    return (
      <>
        <PageHeading title="Your CPD record" />
        <Loading what="your record" />
      </>
    );
  }
  const { record } = view;
  const { totals } = record;
  const lessons = [...record.lessons].reverse();
  const totalMs = lessons.reduce((sum, l) => sum + l.msSpent, 0);
  const empty =
    lessons.length === 0 &&
    record.refreshers.length === 0 &&
    record.reflections.length === 0 &&
    record.confidence.length === 0 &&
    record.sessions.length === 0;

  return (
    <>
      <PageHeading title="Your CPD record" />
      <p className="no-print">
        At a staff session? <Link to="/attend">Join it with its code</Link> to add it to your record.
      </p>
      {empty ? (
        <p>
          Lessons you complete will be listed here with the date, so you can show your professional
          development. <Link to="/">Start a lesson</Link>.
        </p>
      ) : (
        <>
          <p>
            {totals.lessonsCompleted === 1 ? '1 lesson' : `${totals.lessonsCompleted} lessons`} completed,{' '}
            {format.minutes(totals.declaredMinutes)} of learning.
          </p>
          <ul className="record-summary">
            <li>Modules completed: {totals.modulesCompleted}</li>
            <li>
              Minutes planned: {totals.declaredMinutes}; time spent:{' '}
              {totalMs > 0 ? format.duration(totalMs) : 'not measured'}
            </li>
            <li>
              Refreshers answered: {totals.refreshersAnswered} ({totals.refreshersCorrect} correct)
            </li>
            <li>Reflections written: {totals.reflections}</li>
            {totals.sessionsAttended > 0 && (
              <li>
                Facilitated sessions attended: {totals.sessionsAttended} (
                {format.minutes(totals.sessionMinutes)})
              </li>
            )}
          </ul>
          <RecordCsvDownload
            record={record}
            label="Download CSV"
            buttonClassName="button"
            about="The record, for a spreadsheet, your appraisal or your school’s CPD log."
          />

          {record.modules.length > 0 && (
            <section aria-labelledby="modules-heading" className="record-section">
              <h2 id="modules-heading">Modules completed</h2>
              <ul className="lesson-list">
                {[...record.modules].reverse().map((m) => (
                  <li key={m.moduleId}>
                    <Link to={`/record/certificate/${m.moduleId}`}>Certificate: {m.moduleTitle}</Link>
                    <span className="meta">
                      Completed {format.date(m.completedAt)} · {m.lessons}{' '}
                      {m.lessons === 1 ? 'lesson' : 'lessons'} · {format.minutes(m.declaredMinutes)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {lessons.length > 0 && (
            <section aria-labelledby="lessons-heading" className="record-section">
              <h2 id="lessons-heading">Lessons completed</h2>
              <TableRegion label="Completed lessons table">
                <table>
                  <caption className="visually-hidden">Completed lessons, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Completed</th>
                      <th scope="col">Lesson</th>
                      <th scope="col">Module</th>
                      <th scope="col">Minutes planned</th>
                      <th scope="col">Time spent</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lessons.map((row) => (
                      <tr key={row.lessonId}>
                        <td>{format.date(row.completedAt)}</td>
                        <th scope="row">
                          {row.moduleId ? (
                            <Link to={`/modules/${row.moduleId}/${row.lessonId}`}>{row.lessonTitle}</Link>
                          ) : (
                            row.lessonTitle
                          )}
                        </th>
                        <td>{row.moduleTitle ?? 'No longer in the course'}</td>
                        <td>{row.declaredMinutes}</td>
                        <td>{row.msSpent > 0 ? format.duration(row.msSpent) : 'Not measured'}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={3}>
                        Total
                      </th>
                      <td>{totals.declaredMinutes}</td>
                      <td>{totalMs > 0 ? format.duration(totalMs) : 'Not measured'}</td>
                    </tr>
                  </tfoot>
                </table>
              </TableRegion>
            </section>
          )}

          {record.confidence.length > 0 && (
            <section aria-labelledby="confidence-heading" className="record-section">
              <h2 id="confidence-heading">Confidence</h2>
              <p className="meta">
                Your average rating of the module’s “I feel confident to …” statements, from 1 (not at all
                confident) to 5 (very confident), at the start and at the end.
              </p>
              <TableRegion label="Confidence table">
                <table>
                  <caption className="visually-hidden">Confidence per module, most recent first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Module</th>
                      <th scope="col">At the start</th>
                      <th scope="col">At the end</th>
                      <th scope="col">Change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...record.confidence].reverse().map((c) => (
                      <tr key={c.moduleId}>
                        <th scope="row">{c.moduleTitle}</th>
                        <td>{c.before === undefined ? 'Not answered' : confidenceScore(c.before)}</td>
                        <td>{c.after === undefined ? 'Not yet' : confidenceScore(c.after)}</td>
                        <td>{c.change === undefined ? '–' : confidenceChangeText(c.change)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          )}

          {record.sessions.length > 0 && (
            <section aria-labelledby="sessions-heading" className="record-section">
              <h2 id="sessions-heading">Sessions attended</h2>
              <ul className="lesson-list lesson-list--compact">
                {[...record.sessions].reverse().map((s) => (
                  <li key={s.sessionId}>
                    <span>
                      {format.date(s.attendedAt)}: {s.moduleTitle}, {format.minutes(s.minutes)} (
                      {s.lessons.map((l) => `“${l.lessonTitle}”`).join(', ')})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {record.refreshers.length > 0 && (
            <section aria-labelledby="refreshers-heading" className="record-section">
              <h2 id="refreshers-heading">Refreshers</h2>
              <ul className="lesson-list lesson-list--compact">
                {[...record.refreshers].reverse().map((r) => (
                  <li key={`${r.answeredAt}-${r.lessonId}-${r.checkId}`}>
                    <span>
                      {format.date(r.answeredAt)}: a question from “{r.lessonTitle}”,{' '}
                      {r.correct ? 'answered correctly' : 'missed (it comes back sooner)'}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {record.reflections.length > 0 && (
            <section aria-labelledby="reflections-heading" className="record-section">
              <h2 id="reflections-heading">Reflections</h2>
              {record.reflections.map((r) => (
                <figure key={`${r.lessonId}-${r.blockId}`} className="card">
                  <blockquote>{r.text}</blockquote>
                  <figcaption className="meta">
                    {r.lessonTitle}
                    {r.updatedAt ? `, ${format.date(r.updatedAt)}` : ''}
                  </figcaption>
                </figure>
              ))}
            </section>
          )}
        </>
      )}
    </>
  );
}
