import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../../../src/api/api-client';
import { forwardRefusalField } from '../../../src/features/teams/failure-text';

const failure = (over: Partial<ApiFailure>): ApiFailure => ({
  kind: 'rejected',
  status: 400,
  code: 'invalid_request',
  message: '',
  ...over,
});

describe('forwardRefusalField', () => {
  it.each<[string, Partial<ApiFailure>, ReturnType<typeof forwardRefusalField>]>([
    ['a refused LRS address goes to the address', { code: 'forward_address_refused' }, 'endpoint'],
    ['a malformed request stays above the button', { code: 'invalid_request' }, undefined],
    ['a leader check stays above the button', { status: 403, code: 'not_a_leader' }, undefined],
    ['no connection stays above the button', { kind: 'network', status: 0, code: 'network' }, undefined],
    ['a code named like an object property is no field', { code: 'constructor' }, undefined],
  ])('%s', (_, over, field) => {
    expect(forwardRefusalField(failure(over))).toBe(field);
  });
});
