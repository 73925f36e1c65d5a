import { describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../src/shared/protocol/sync-protocol';
import { freshLearnerPerTest } from './support/fresh-learner';
import { json, type Learner, makeEvent, type TestApp } from './support/test-app';
import { testDbKinds } from './support/test-databases';

// Confidence ratings are events like any other: the server checks them with the shared schema, stores
// them and hands them to the learner's other devices.
describe.each(testDbKinds)('confidence ratings through sync on %s', (kind) => {
  let t: TestApp;
  let a: Learner;
  freshLearnerPerTest(kind, (fresh) => ({ t, a } = fresh));

  const rated = (rating: number) =>
    makeEvent(a.deviceId, 1, {
      type: 'confidence-rated',
      lessonId: 'foundations-what-send-means',
      payload: {
        moduleId: 'foundations',
        stage: 'before',
        ratings: [{ statement: 'I feel confident to explain what SEN means in law', rating }],
      },
    });

  it('stores a rating and returns it on pull', async () => {
    const event = rated(3);
    const push = await t.call('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { deviceId: a.deviceId, events: [event] },
    });
    expect((await json<PushResponse>(push)).results).toEqual([{ id: event.id, status: 'acked' }]);
    const pull = await json<PullResponse>(await t.call('GET', '/api/v1/sync/pull', { token: a.token }));
    expect(pull.events).toEqual([event]);
  });

  it('refuses a rating off the five-point scale and stores nothing', async () => {
    const push = await t.call('POST', '/api/v1/sync/push', {
      token: a.token,
      body: { deviceId: a.deviceId, events: [rated(6)] },
    });
    expect(push.status).toBe(400);
    const pull = await json<PullResponse>(await t.call('GET', '/api/v1/sync/pull', { token: a.token }));
    expect(pull.events).toEqual([]);
  });
});
