import { Link, useParams } from 'react-router';
import { CertifiedFacts } from '../../components/certified-facts';
import { CourseUnavailable } from '../../components/course-unavailable';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageHeading } from '../../components/page-heading';
import { QrCode } from '../../components/qr-code';
import { format } from '../../lib/text/format';
import { useCertificate } from './use-certificate';
import { useVerifiedCertificate } from './use-verified-certificate';
import { VerifiedPanel, verifyUrl } from './verified-panel';
import '../../components/certificate.css';

/**
 * A certificate for a completed module. Made on the device from the learner's events (works offline,
 * marked "not yet verified"), or, for a learner with an account, the server's signed certificate with a
 * QR code and a link anyone can check it at. "Print or save as PDF" uses the browser's print dialog; the
 * print stylesheet lays it out on one A4 page.
 */
export function CertificatePage() {
  const { moduleId = '' } = useParams();
  const view = useCertificate(moduleId);
  const verified = useVerifiedCertificate(moduleId, view.state === 'ready');

  switch (view.state) {
    case 'unavailable':
      return <CourseUnavailable title="Certificate" />;
    case 'loading':
      return (
        <>
          <PageHeading title="Certificate" />
          <Loading what="your certificate" />
        </>
      );
    case 'not-found':
      return (
        <NotFound
          title="Certificate not found"
          message="There is no module at this address, so there is no certificate for it."
          back={{ to: '/record', label: 'Back to your CPD record' }}
        />
      );
    case 'not-completed':
      return (
        <>
          <PageHeading title={`Certificate: ${view.module.title}`} />
          <p>
            The certificate is ready once you complete every lesson of this module. You have completed{' '}
            {view.done} of {view.module.lessons.length}.
          </p>
          <p>
            <Link to={`/modules/${view.module.id}`}>Go to {view.module.title}</Link>
          </p>
        </>
      );
    case 'ready':
      break;
  }

  const { module, lessons, startedAt, msSpent, name, contentVersion } = view;
  const server = verified.view.state === 'verified' ? verified.view.certificate.signed.certificate : null;
  const sameDay = format.date(startedAt) === format.date(module.completedAt);
  return (
    <>
      <div className="no-print">
        <PageHeading title={`Certificate: ${module.moduleTitle}`} />
        <p className="breadcrumb">
          <Link to="/record">Back to your CPD record</Link>
        </p>
        {!name && !server && (
          <p className="app-notice">
            Your name is not on this certificate yet. <Link to="/settings">Add it in Settings</Link> under
            “Name on certificates”.
          </p>
        )}
        <VerifiedPanel verified={verified} />
        <p>
          <button type="button" className="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </p>
      </div>

      <section className="certificate" aria-label="Certificate">
        <p className="certificate__kicker">Certificate of continuing professional development</p>
        {server ? (
          <>
            <CertifiedFacts certificate={server} />
            <div className="certificate__check">
              <QrCode text={verifyUrl(server.id)} label={`QR code linking to ${verifyUrl(server.id)}`} />
              <p>
                Check this certificate at
                <br />
                <span className="certificate__url">{verifyUrl(server.id)}</span>
              </p>
            </div>
          </>
        ) : (
          <>
            <p>This certifies that</p>
            <p className="certificate__name">{name ?? '(name not given)'}</p>
            <p>completed the Pocket CPD module</p>
            <p className="certificate__module">{module.moduleTitle}</p>
            <dl>
              <dt>Completed</dt>
              <dd>
                {sameDay
                  ? format.date(module.completedAt)
                  : `${format.date(startedAt)} to ${format.date(module.completedAt)}`}
              </dd>
              <dt>Lessons</dt>
              <dd>{module.lessons}</dd>
              <dt>Learning time</dt>
              <dd>
                {format.minutes(module.declaredMinutes)} planned
                {msSpent > 0 ? `, ${format.duration(msSpent)} spent` : ''}
              </dd>
              <dt>Content version</dt>
              <dd>{contentVersion}</dd>
            </dl>
            <ol aria-label="Lessons completed">
              {lessons.map((l) => (
                <li key={l.lessonId}>
                  {l.lessonTitle} ({format.date(l.completedAt)})
                </li>
              ))}
            </ol>
            <p className="certificate__unverified">
              Not yet verified: made on this device from its own records.
            </p>
          </>
        )}
      </section>
    </>
  );
}
