import { format } from '../lib/text/format';
import type { Certificate } from '../shared/protocol/certificate-protocol';
import './certificate.css';

/**
 * What a server-signed certificate certifies, in words: the printed certificate and the public verify
 * page show the same facts the same way.
 */
export function CertifiedFacts({ certificate: c }: { certificate: Certificate }) {
  const sameDay = format.date(c.startedAt) === format.date(c.completedAt);
  return (
    <>
      <p>This certifies that</p>
      <p className="certificate__name">{c.name}</p>
      <p>completed the Pocket CPD module</p>
      <p className="certificate__module">{c.moduleTitle}</p>
      <dl>
        <dt>Completed</dt>
        <dd>
          {sameDay
            ? format.date(c.completedAt)
            : `${format.date(c.startedAt)} to ${format.date(c.completedAt)}`}
        </dd>
        <dt>Lessons</dt>
        <dd>{c.lessons.length}</dd>
        <dt>Learning time</dt>
        <dd>
          {format.minutes(c.minutes)} planned
          {c.minutesSpent > 0 ? `, ${format.minutes(c.minutesSpent)} spent` : ''}
        </dd>
        {c.setting && (
          <>
            <dt>Setting</dt>
            <dd>{c.setting}</dd>
          </>
        )}
        <dt>Content version</dt>
        <dd>{c.contentVersion}</dd>
        <dt>Certificate</dt>
        <dd>
          {c.id}, issued {format.date(c.issuedAt)}
        </dd>
      </dl>
      <ol aria-label="Lessons completed">
        {c.lessons.map((l) => (
          <li key={l.id}>
            {l.title} ({format.date(l.completedAt)})
          </li>
        ))}
      </ol>
    </>
  );
}
