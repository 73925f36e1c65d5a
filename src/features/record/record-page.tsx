import { Link } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/format';
import { useRecord } from './use-record';

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
  const { rows } = view;
  const totalMinutes = rows.reduce((sum, r) => sum + r.minutes, 0);
  const totalMs = rows.reduce((sum, r) => sum + r.msSpent, 0);

  return (
    <>
      <PageHeading title="Your CPD record" />
      {rows.length === 0 ? (
        <p>
          Lessons you complete will be listed here with the date, so you can show your professional
          development. <Link to="/">Start a lesson</Link>.
        </p>
      ) : (
        <>
          <p>
            {rows.length === 1 ? '1 lesson' : `${rows.length} lessons`} completed,{' '}
            {format.minutes(totalMinutes)} of learning.
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Completed lessons, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Completed</th>
                  <th scope="col">Lesson</th>
                  <th scope="col">Module</th>
                  <th scope="col">Minutes</th>
                  <th scope="col">Time spent</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.lessonId}>
                    <td>{format.date(row.completedAt)}</td>
                    <th scope="row">
                      {row.moduleId ? (
                        <Link to={`/modules/${row.moduleId}/${row.lessonId}`}>{row.lessonTitle}</Link>
                      ) : (
                        row.lessonTitle
                      )}
                    </th>
                    <td>{row.moduleTitle}</td>
                    <td>{row.minutes}</td>
                    <td>{row.msSpent > 0 ? format.duration(row.msSpent) : 'Not measured'}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total
                  </th>
                  <td>{totalMinutes}</td>
                  <td>{totalMs > 0 ? format.duration(totalMs) : 'Not measured'}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </>
  );
}
