import { useState } from 'react';
import { Link } from 'react-router';
import { saveFile } from '../../lib/browser/save-file';
import { format } from '../../lib/text/format';
import type { VerifiedCertificate } from './use-verified-certificate';

export const verifyUrl = (id: string) => `${window.location.origin}/verify/${id}`;

/**
 * Where the verified certificate stands and what the learner can do about it: ask for one, download its
 * signed file, revoke it. Not printed: the certificate itself says whether it is verified.
 */
export function VerifiedPanel({ verified }: { verified: VerifiedCertificate }) {
  const { view, request, revoke } = verified;
  const [confirming, setConfirming] = useState(false);
  switch (view.state) {
    case 'idle':
      return null;
    case 'signed-out':
      return (
        <p className="app-notice">
          This certificate was made on this device and is not yet verified.{' '}
          <Link to="/settings/sync">Back up and sync with an account</Link> to get one anyone can check.
        </p>
      );
    case 'offline':
      return (
        <p className="app-notice">
          This certificate is not yet verified. You are offline: once you are online, you can get a verified
          certificate that anyone can check.
        </p>
      );
    case 'checking':
      return (
        <p className="app-notice" role="status">
          Looking for your verified certificate…
        </p>
      );
    case 'issuing':
      return (
        <p className="app-notice" role="status">
          Syncing and getting your verified certificate…
        </p>
      );
    case 'none':
      return (
        <div className="app-notice">
          <p>
            This certificate is not yet verified. A verified certificate carries a link and a QR code anyone
            can use to check it with us.
          </p>
          {view.revoked?.revokedAt && (
            <p>
              You revoked certificate {view.revoked.signed.certificate.id} on{' '}
              {format.date(view.revoked.revokedAt)}.
            </p>
          )}
          <p>
            <button type="button" className="button" onClick={() => void request()}>
              Get a verified certificate
            </button>
          </p>
        </div>
      );
    case 'not-on-server':
      return (
        <div className="app-notice" role="alert">
          <p>Not yet verified: {view.message}</p>
          <p>
            <button type="button" className="button" onClick={() => void request()}>
              Sync and try again
            </button>
          </p>
        </div>
      );
    case 'error':
      return (
        <div className="app-notice" role="alert">
          <p>Could not get a verified certificate: {view.message}</p>
          <p>
            <button type="button" className="button" onClick={() => void request()}>
              Try again
            </button>
          </p>
        </div>
      );
    case 'verified':
      break;
  }
  const { signed } = view.certificate;
  const { id } = signed.certificate;
  const download = () =>
    saveFile(
      new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' }),
      `certificate-${id}.json`,
    );
  return (
    <div className="app-notice">
      <p>
        Verified: anyone can check this certificate at <a href={`/verify/${id}`}>{verifyUrl(id)}</a>, or by
        scanning its QR code.
      </p>
      <p className="app-notice__actions">
        <button type="button" className="button button--quiet" onClick={download}>
          Download signed certificate (JSON)
        </button>
        {!confirming && (
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            Revoke…
          </button>
        )}
      </p>
      {confirming && (
        <fieldset>
          <legend>Revoke certificate {id}?</legend>
          <p>Anyone who checks it will be told it was revoked. You can get a new one afterwards.</p>
          <p className="app-notice__actions">
            <button
              type="button"
              className="button"
              disabled={view.revoking}
              onClick={() => void revoke().then(() => setConfirming(false))}
            >
              Revoke certificate
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </p>
        </fieldset>
      )}
      {view.revokeError && <p role="alert">Not revoked: {view.revokeError}</p>}
    </div>
  );
}
