import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { DeleteAccount } from '../features/account/delete-account';
import { failureText } from '../features/account/failure-text';
import { myDataBlob, myDataFileName } from '../features/account/my-data-file';
import { useSession } from '../features/account/use-session';
import { RecordCsvDownload } from '../features/record/record-csv-download';
import { useRecord } from '../features/record/use-record';
import { saveFile } from '../lib/browser/save-file';
import { appSync } from '../sync/app-sync';

/**
 * Settings → Your data: the learner's rights over what is stored about them (docs/privacy.md). A copy of
 * everything the server holds (JSON) and the CPD record made on this device (CSV); deleting the account.
 */
export function MyDataPage() {
  const session = useSession();
  const record = useRecord();
  const [deleted, setDeleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);

  const downloadJson = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await (await appSync.load()).recovery.myData();
      if (result.ok) {
        saveFile(myDataBlob(result.value), myDataFileName(result.value));
        setMessage({ text: `Saved ${myDataFileName(result.value)}.`, alert: false });
      } else setMessage({ text: failureText(result.failure, 'download'), alert: true });
    } catch {
      setMessage({
        text: failureText({ kind: 'network', status: 0, code: 'network', message: '' }, 'download'),
        alert: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const signedIn = session.state === 'signed-in';
  // Deleting the account ends the session before the card has said so and asked about this device's copy:
  // the card stays for as long as the page is open.
  const [hadAccount, setHadAccount] = useState(false);
  useEffect(() => {
    if (signedIn) setHadAccount(true);
  }, [signedIn]);
  return (
    <>
      <PageHeading title="Your data" />
      <p>
        What Pocket CPD keeps about you, where, and for how long is in the privacy notice your school or
        setting gives you. Here you can take a copy of it, or delete your account.
      </p>
      <section className="card" aria-labelledby="copy-title">
        <h2 id="copy-title">Download my data</h2>
        {session.state === 'loading' ? (
          <Loading what="your account" />
        ) : signedIn ? (
          <>
            <p>
              Everything the server holds about you: your account, your devices, what you did in each lesson,
              your notes and settings, your reminders. It is a JSON file, which other programs can read.
            </p>
            <p>
              <button type="button" className="button" disabled={busy} onClick={() => void downloadJson()}>
                {busy ? 'Getting your data…' : 'Download my data (JSON)'}
              </button>
            </p>
          </>
        ) : (
          <p>
            {deleted
              ? 'Your account is deleted: the server holds nothing about you.'
              : 'You have no account on this device, so the server holds nothing about you. Everything is on this device.'}
          </p>
        )}
        <p>Your CPD record on this device, for a spreadsheet or your appraisal:</p>
        <RecordCsvDownload
          record={record.state === 'ready' ? record.record : null}
          label="Download my CPD record (CSV)"
          buttonClassName="button button--quiet"
        />
        <p role="status" className={message?.alert ? 'alert' : undefined}>
          {message?.text}
        </p>
      </section>
      {(signedIn || hadAccount) && <DeleteAccount onDeleted={() => setDeleted(true)} />}
      {session.state === 'paused' && (
        <p>
          Your session has ended. <Link to="/settings/sync">Sign in again</Link> to download or delete what
          the server holds.
        </p>
      )}
    </>
  );
}
