// The learner's verified certificates (docs/certificates.md), over the engine's api client (so a lost
// session takes the one 401 path) and the stored session: only the server can issue one, so they need a
// signed-in learner; without a token every call answers `signed-out` and nothing is sent.
import type { ApiClient, ApiFailure, ApiResult } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import type { MyCertificate } from '../shared/protocol/certificate-protocol';
import { withSession } from './with-session';

export type CertificateResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'signed-out' }
  | { ok: false; reason: 'failed'; failure: ApiFailure };

export type Certificates = ReturnType<typeof createCertificates>;

export function createCertificates(api: ApiClient, store: Pick<SyncStore, 'getSession'>) {
  const withToken = <T>(run: (token: string) => Promise<ApiResult<T>>): Promise<CertificateResult<T>> =>
    withSession(store, { ok: false, reason: 'signed-out' } as const, async (token) => {
      const result = await run(token);
      return result.ok ? result : { ok: false, reason: 'failed', failure: result.failure };
    });

  return {
    /** Every certificate the learner was issued, newest first, revoked ones included. */
    mine: () =>
      withToken(async (token) => {
        const result = await api.myCertificates(token);
        return result.ok ? { ok: true as const, value: result.value.certificates } : result;
      }),
    /** The server's certificate for a module it sees complete: the standing one unless something changed. */
    issue: (moduleId: string): Promise<CertificateResult<MyCertificate>> =>
      withToken((token) => api.issueCertificate(token, moduleId)),
    revoke: (id: string): Promise<CertificateResult<MyCertificate>> =>
      withToken((token) => api.revokeCertificate(token, id)),
  };
}
