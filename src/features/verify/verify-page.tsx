import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { type ApiFailure, createApiClient } from '../../api/api-client';
import { CertifiedFacts } from '../../components/certified-facts';
import { PageHeading } from '../../components/page-heading';
import { format } from '../../lib/text/format';
import { normaliseCertificateId, type VerifyResponse } from '../../shared/protocol/certificate-protocol';
import '../../components/certificate.css';
import './verify.css';

type Answer =
  | { state: 'checking' }
  | { state: 'answered'; response: VerifyResponse }
  | { state: 'failed'; failure: ApiFailure };

/**
 * The public page a printed certificate's QR code and link open: anyone, signed in or not, learns whether
 * the certificate is valid, revoked or unknown, and what it certifies. It asks our server every time:
 * a revocation must show at once, so nothing of the answer is kept on the device.
 */
export function VerifyPage() {
  const { id: typed = '' } = useParams();
  const id = normaliseCertificateId(typed);
  const [answer, setAnswer] = useState<Answer>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Read so a retry runs this effect again.
    void attempt;
    if (!id) return;
    let live = true;
    setAnswer({ state: 'checking' });
    void createApiClient({ baseUrl: '' })
      .verifyCertificate(id)
      .then((result) => {
        if (!live) return;
        setAnswer(
          result.ok
            ? { state: 'answered', response: result.value }
            : { state: 'failed', failure: result.failure },
        );
      });
    return () => {
      live = false;
    };
  }, [id, attempt]);

  const title = 'Check a certificate';
  if (!id || (answer.state === 'answered' && answer.response.status === 'unknown')) {
    return (
      <>
        <PageHeading title={title} />
        <p className="verify-status">Unknown: no Pocket CPD certificate has the id “{typed}”.</p>
        <p>
          Check the id against the printed certificate: it is ten letters and digits, under the QR code. A
          certificate made on a device and marked “not yet verified” cannot be checked here.
        </p>
      </>
    );
  }
  if (answer.state === 'checking') {
    return (
      <>
        <PageHeading title={title} />
        <p role="status">Checking certificate {id}…</p>
      </>
    );
  }
  if (answer.state === 'failed') {
    const { failure } = answer;
    const why =
      failure.kind === 'network'
        ? 'This device could not reach Pocket CPD. Check the connection and try again.'
        : failure.kind === 'rate-limited'
          ? 'Too many checks from this connection just now. Wait a minute and try again.'
          : `The server could not answer: ${failure.message}`;
    return (
      <>
        <PageHeading title={title} />
        <div role="alert">
          <p>
            Certificate {id} could not be checked. {why}
          </p>
        </div>
        <p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      </>
    );
  }
  const { response } = answer;
  if (response.status === 'unknown') return null;
  return (
    <>
      <PageHeading title={title} />
      {response.status === 'valid' ? (
        <p className="verify-status">Valid: Pocket CPD issued certificate {id} and it stands.</p>
      ) : (
        <p className="verify-status">
          Revoked: the learner withdrew certificate {id} on {format.date(response.revokedAt)}. It no longer
          counts as evidence.
        </p>
      )}
      <section className="certificate" aria-label="What was certified">
        <CertifiedFacts certificate={response.certificate} />
      </section>
      <p>
        Completion dates are when our server received each completed lesson. Anyone holding the signed file
        can also check its signature without us, with the keys published at{' '}
        <a href="/api/v1/certificates/keys">/api/v1/certificates/keys</a>.
      </p>
    </>
  );
}
