import { useCallback, useEffect, useState } from 'react';
import { metaRepo } from '../../db/meta-repo';
import { useOnlineStatus } from '../../lib/browser/online-status';
import { useLiveQuery } from '../../lib/data/use-live-query';
import type { MyCertificate } from '../../shared/protocol/certificate-protocol';
import { appSync } from '../../sync/app-sync';
import type { CertificateResult } from '../../sync/certificates';

export type VerifiedView =
  /** Nothing asked yet: the module is not complete on this device, or the page is still loading. */
  | { state: 'idle' }
  | { state: 'signed-out' }
  | { state: 'offline' }
  | { state: 'checking' }
  /** Signed in, online, and no certificate stands for this module: one can be asked for. */
  | { state: 'none'; revoked?: MyCertificate }
  | { state: 'issuing' }
  /** The server's events do not yet show the module complete (lessons done here not yet synced). */
  | { state: 'not-on-server'; message: string }
  | { state: 'verified'; certificate: MyCertificate; revoking?: boolean; revokeError?: string }
  | { state: 'error'; message: string };

export type VerifiedCertificate = {
  view: VerifiedView;
  /** Syncs what waits on this device, then asks the server for the certificate. */
  request: () => Promise<void>;
  revoke: () => Promise<void>;
};

function failed<T>(result: CertificateResult<T>): VerifiedView | null {
  if (result.ok) return null;
  if (result.reason === 'signed-out') return { state: 'signed-out' };
  const { failure } = result;
  if (failure.kind === 'network') return { state: 'offline' };
  if (failure.code === 'not_complete') return { state: 'not-on-server', message: failure.message };
  return { state: 'error', message: failure.message };
}

const forModule = (moduleId: string) => (c: MyCertificate) => c.signed.certificate.moduleId === moduleId;

/**
 * The server's signed certificate for a module this device shows complete. A standing one is asked for
 * again at once, which returns it unchanged unless what it certifies changed (a new name); none is asked
 * for without the learner's say-so, so a certificate they revoked does not come straight back.
 */
export function useVerifiedCertificate(moduleId: string, complete: boolean): VerifiedCertificate {
  const online = useOnlineStatus();
  // Whether this device holds a session token, read like the page's other data: without one there is no
  // server to ask, and the page says how to get a verified certificate as soon as it knows.
  const signedIn = useLiveQuery(async () => Boolean((await metaRepo.get('session'))?.token), []);
  const [view, setView] = useState<VerifiedView>({ state: 'idle' });

  useEffect(() => {
    if (!complete) return;
    let live = true;
    const set = (next: VerifiedView) => {
      if (live) setView(next);
    };
    if (!online) {
      set({ state: 'offline' });
      return;
    }
    if (signedIn !== true) {
      // Not read yet, or no account here: nothing to ask the server (the page shows 'signed-out' below).
      set({ state: 'idle' });
      return;
    }
    set({ state: 'checking' });
    void (async () => {
      const mine = await appSync.certificates.mine();
      if (!mine.ok) return set(failed(mine) ?? { state: 'idle' });
      const ours = mine.value.filter(forModule(moduleId));
      const standing = ours.find((c) => c.revokedAt === null);
      if (!standing) return set({ state: 'none', ...(ours[0] ? { revoked: ours[0] } : {}) });
      const fresh = await appSync.certificates.issue(moduleId);
      // Not renewed (offline again, or a completion since voided): the standing one still holds.
      set({ state: 'verified', certificate: fresh.ok ? fresh.value : standing });
    })().catch((error: unknown) => set({ state: 'error', message: String(error) }));
    return () => {
      live = false;
    };
  }, [moduleId, complete, online, signedIn]);

  const request = useCallback(async () => {
    setView({ state: 'issuing' });
    try {
      const sync = await appSync.load();
      await sync.syncNow();
      const issued = await appSync.certificates.issue(moduleId);
      setView(
        issued.ok ? { state: 'verified', certificate: issued.value } : (failed(issued) ?? { state: 'idle' }),
      );
    } catch (error) {
      setView({ state: 'error', message: String(error) });
    }
  }, [moduleId]);

  const revoke = useCallback(async () => {
    if (view.state !== 'verified') return;
    const { certificate } = view;
    setView({ state: 'verified', certificate, revoking: true });
    const revoked = await appSync.certificates.revoke(certificate.signed.certificate.id);
    if (revoked.ok) return setView({ state: 'none', revoked: revoked.value });
    const why = failed(revoked);
    const revokeError =
      why?.state === 'offline'
        ? 'You are offline. Connect to the internet to revoke it.'
        : why?.state === 'error'
          ? why.message
          : 'Sign in again to revoke it.';
    setView({ state: 'verified', certificate, revokeError });
  }, [view]);

  // Offline says so first; signed out (and online), there is nothing to ask the server.
  const shown: VerifiedView =
    complete && online && signedIn === false && view.state === 'idle' ? { state: 'signed-out' } : view;
  return { view: shown, request, revoke };
}
