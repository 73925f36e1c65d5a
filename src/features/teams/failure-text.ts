import type { ApiFailure } from '../../api/api-client';

/** What a failed team call means to the person using the screen, and what they can do about it. */
export function failureText(failure: ApiFailure): string {
  if (failure.kind === 'network')
    return 'You seem to be offline. Teams need a connection: try again when you are back online.';
  if (failure.kind === 'unauthorized')
    return 'Sign in again to use teams: go to Settings, then Back up and sync.';
  if (failure.kind === 'rate-limited')
    return 'Too many tries in a short time. Wait a minute, then try again.';
  switch (failure.code) {
    case 'team_not_found':
      return 'This team does not exist, or you are not a member of it.';
    case 'not_a_leader':
      return 'Only the team’s leaders can do this.';
    case 'invite_not_found':
      return 'This join code does not work: check it letter by letter, or ask the team’s leader for a new one (it may have been withdrawn).';
    case 'reset_code_not_found':
      return 'No code you made for this person is waiting: it was used, has expired, or was replaced or cancelled.';
    case 'invite_expired':
      return 'This join code has expired. Ask the team’s leader for a new one.';
    case 'invite_domain':
      // The server's message names the email domain the invite is for.
      return failure.message;
  }
  if (failure.kind === 'server') return 'The server could not answer just now. Try again in a few minutes.';
  return failure.message;
}

export type ForwardField = 'endpoint' | 'keyName' | 'keySecret';

/**
 * Refusals of an LRS forward that are about one of its fields, by code: said at that field, which is marked
 * invalid and takes the focus (as a refused password is), not as an alert above the button. A map, so a new
 * refusal is placed by adding its entry here.
 */
const FORWARD_REFUSAL_FIELDS: ReadonlyMap<string, ForwardField> = new Map([
  ['forward_address_refused', 'endpoint'],
]);

/** The forward form's field a failure is about, if it is about one. */
export function forwardRefusalField(failure: ApiFailure): ForwardField | undefined {
  return FORWARD_REFUSAL_FIELDS.get(failure.code);
}
