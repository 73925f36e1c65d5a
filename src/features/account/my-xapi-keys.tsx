import { type XapiKeyCalls, XapiKeysCard } from '../../components/xapi-keys-card';
import { appSync } from '../../sync/app-sync';

const recovery = async () => (await appSync.load()).recovery;

// One object for the card's lifetime: the card reads the list again whenever `calls` changes.
const calls: XapiKeyCalls = {
  list: async () => (await recovery()).xapiKeys(),
  create: async (body) => (await recovery()).createXapiKey(body),
  revoke: async (keyId) => (await recovery()).revokeXapiKey(keyId),
};

/** Settings → Back up and sync, signed in: keys a college's or trust's learning record store reads with. */
export function MyXapiKeys() {
  return (
    <XapiKeysCard
      title="Your learning record in other systems (xAPI)"
      intro={
        <p>
          A college or trust may keep training records in a learning record store (LRS). A key lets such a
          tool read your Pocket CPD record as xAPI statements: lessons, checks, time, confidence ratings and
          sessions. It sees nothing else of your account, and you can revoke it at any time.
        </p>
      }
      calls={calls}
    />
  );
}
