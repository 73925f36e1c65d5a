// What a facilitator's device decides about a session run for a team: whether it has something to send
// (typed names and ticked members, compared with what the server last accepted), and how a session whose
// team the server refuses is kept as one for no team without losing a tick.
import { describe, expect, it } from 'vitest';
import { needsSending, withoutTeam } from '../../../src/db/facilitated-sessions-repo';
import type { StoredFacilitatedSession } from '../../../src/db/meta';

const ana = { learnerId: 'learner-ana', name: 'Ana Patel' };
const ben = { learnerId: 'learner-ben', name: 'Ben Okafor' };

const session = (over: Partial<StoredFacilitatedSession> = {}): StoredFacilitatedSession => ({
  sessionId: 's1',
  moduleId: 'foundations',
  title: 'Foundations',
  lessonIds: ['what-sen-means'],
  checks: [],
  minutes: 20,
  startedAt: '2026-03-02T15:30:00.000Z',
  followUpOn: '2026-03-16',
  ticked: [],
  code: 'K7M2QX',
  sentTicked: [],
  ...over,
});

describe('needsSending', () => {
  it.each<[string, Partial<StoredFacilitatedSession>, boolean]>([
    ['not yet on the server', { code: undefined }, true],
    ['everything sent', { ticked: ['Vic'], sentTicked: ['Vic'] }, false],
    ['a typed name not sent', { ticked: ['Vic'] }, true],
    ['a member ticked, not sent', { tickedMembers: [ana] }, true],
    ['a member ticked and sent', { tickedMembers: [ana], sentTickedMembers: [ana] }, false],
    ['a member unticked since it was sent', { tickedMembers: [], sentTickedMembers: [ana] }, true],
    ['another member than was sent', { tickedMembers: [ben], sentTickedMembers: [ana] }, true],
    ['a session from before teams (no member lists)', {}, false],
  ])('%s', (_, over, expected) => {
    expect(needsSending(session(over))).toBe(expected);
  });
});

describe('withoutTeam', () => {
  it('drops the team and keeps each ticked member as a typed name, once', () => {
    const plain = withoutTeam(
      session({
        teamId: 'team-oak',
        teamName: 'Oak Tree Nursery',
        ticked: ['Vic Visitor', 'ana patel'],
        tickedMembers: [ana, ben],
        sentTickedMembers: [ana],
      }),
    );
    expect(plain.teamId).toBeUndefined();
    expect(plain.teamName).toBeUndefined();
    expect(plain.tickedMembers).toBeUndefined();
    expect(plain.sentTickedMembers).toBeUndefined();
    expect(plain.ticked).toEqual(['Vic Visitor', 'ana patel', 'Ben Okafor']);
    expect(needsSending(plain)).toBe(true);
  });
});
