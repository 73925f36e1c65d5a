import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../server/canonical-json';
import { classifyPush } from '../../server/classify-push';
import type { LearnerEvent } from '../../src/shared/progress/events';

const DEVICE = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const NOW = Date.parse('2026-03-02T09:00:00.000Z');

const event = (id: string, overrides: Partial<LearnerEvent> = {}) =>
  ({
    id,
    deviceId: DEVICE,
    deviceSeq: 1,
    at: '2026-03-02T08:00:00.000Z',
    hlc: '000000000000001:00000:dev',
    type: 'lesson-opened',
    lessonId: 'l1',
    payload: {},
    ...overrides,
  }) as LearnerEvent;

const ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

describe('classifyPush events', () => {
  const cases: [string, LearnerEvent, Map<string, string>, string, string | undefined][] = [
    ['new event', event(ID), new Map(), 'acked', undefined],
    ['same body stored', event(ID), new Map([[ID, canonicalJson(event(ID))]]), 'duplicate', undefined],
    [
      'other body stored',
      event(ID),
      new Map([[ID, canonicalJson(event(ID, { lessonId: 'l2' }))]]),
      'conflict',
      'already stored',
    ],
    ['other device', event(ID, { deviceId: OTHER }), new Map(), 'rejected', 'deviceId'],
    [
      '25 h ahead',
      event(ID, { at: new Date(NOW + 25 * 3600_000).toISOString() }),
      new Map(),
      'rejected',
      '24 h',
    ],
    [
      'exactly 24 h ahead',
      event(ID, { at: new Date(NOW + 24 * 3600_000).toISOString() }),
      new Map(),
      'acked',
      undefined,
    ],
    [
      'offset time 24 h ahead in UTC',
      event(ID, { at: '2026-03-03T12:00:00.000+02:00' }),
      new Map(),
      'rejected',
      '24 h',
    ],
    [
      'stored, now far-future clock',
      event(ID, { at: '2027-01-01T00:00:00.000Z' }),
      new Map([[ID, canonicalJson(event(ID, { at: '2027-01-01T00:00:00.000Z' }))]]),
      'duplicate',
      undefined,
    ],
  ];
  it.each(cases)('%s', (_name, e, stored, status, reason) => {
    const plan = classifyPush({
      deviceId: DEVICE,
      events: [e],
      docs: [],
      storedEvents: stored,
      storedDocs: new Map(),
      nowMs: NOW,
    });
    expect(plan.results[0]?.status).toBe(status);
    if (reason) expect(plan.results[0]?.reason).toContain(reason);
    expect(plan.newEvents.length).toBe(status === 'acked' ? 1 : 0);
  });
});

describe('classifyPush docs', () => {
  const stored = new Map([['note', { rev: 3, body: '{"text":"server"}' }]]);
  const cases: [string, string, number, object][] = [
    ['new doc at base 0', 'fresh', 0, { id: 'fresh', status: 'saved', rev: 1 }],
    ['current base', 'note', 3, { id: 'note', status: 'saved', rev: 4 }],
    ['stale base', 'note', 2, { id: 'note', status: 'conflict', rev: 3, body: { text: 'server' } }],
    // Only after the server lost revisions (a restore): the device's copy is the newest there is.
    ['base ahead of server', 'note', 9, { id: 'note', status: 'saved', rev: 10 }],
    ['unknown doc, base > 0', 'gone', 2, { id: 'gone', status: 'saved', rev: 3 }],
  ];
  it.each(cases)('%s', (_name, id, baseRev, expected) => {
    const plan = classifyPush({
      deviceId: DEVICE,
      events: [],
      docs: [{ id, baseRev, body: { text: 'device' } }],
      storedEvents: new Map(),
      storedDocs: stored,
      nowMs: NOW,
    });
    expect(plan.docResults[0]).toEqual(expected);
    expect(plan.savedDocs.length).toBe('body' in expected ? 0 : 1);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } }, '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}'],
    [[{ y: 1, x: 2 }], '[{"x":2,"y":1}]'],
    ['text', '"text"'],
  ])('sorts keys of %j', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});
