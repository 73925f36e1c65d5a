// A session run for a team: the setup offers the teams the facilitator leads, and the attendance panel
// offers that team's members to tick from the roster kept on the device, with no signal; typed names stay
// for visitors, and members who joined on their phones show as joined.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { facilitatedSessionsRepo } from '../../src/db/facilitated-sessions-repo';
import { writeMeta } from '../../src/db/meta';
import { AttendancePanel } from '../../src/features/facilitate/attendance-panel';
import { renderApp } from '../helpers/render-app';
import { aTeam } from '../helpers/team-fixtures';

const ROSTER = [
  { learnerId: 'learner-ana', name: 'Ana Patel' },
  { learnerId: 'learner-ben', name: 'Ben Okafor' },
];

async function leadOakTree() {
  await writeMeta(db, 'teams', { learnerId: 'learner-me', teams: [aTeam({ myRole: 'leader' })] });
  await writeMeta(db, 'teamRosters', {
    learnerId: 'learner-me',
    rosters: [
      { teamId: 'team-oak', teamName: 'Oak Tree Nursery', members: ROSTER, savedAt: '2026-03-01T09:00:00Z' },
    ],
  });
}

beforeEach(() => {
  // No signal: everything below comes from the device.
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('running a session for a team', () => {
  it('the setup offers the team the facilitator leads, says its members can be ticked, and the session keeps it', async () => {
    await leadOakTree();
    const { user } = renderApp('/present/foundations?day=2026-03-02');
    const who = await screen.findByRole('group', { name: 'Who is the session for?' });
    // Leading one team, the session is for it unless the facilitator says otherwise.
    expect(within(who).getByRole('radio', { name: 'Oak Tree Nursery' })).toBeChecked();
    await waitFor(() =>
      expect(who).toHaveAccessibleDescription(
        'You can tick Oak Tree Nursery’s 2 members in the session, with or without a signal. Their attendance shows on the team’s dashboard.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Start the session' }));
    await waitFor(async () => expect(await facilitatedSessionsRepo.all()).toHaveLength(1));
    const [stored] = await facilitatedSessionsRepo.all();
    expect([stored.teamId, stored.teamName, stored.tickedMembers]).toEqual([
      'team-oak',
      'Oak Tree Nursery',
      [],
    ]);
  });

  it('a session for no team keeps none', async () => {
    await leadOakTree();
    const { user } = renderApp('/present/foundations?day=2026-03-02');
    await user.click(await screen.findByRole('radio', { name: 'No team: tick typed names only' }));
    await user.click(screen.getByRole('button', { name: 'Start the session' }));
    await waitFor(async () => expect(await facilitatedSessionsRepo.all()).toHaveLength(1));
    expect((await facilitatedSessionsRepo.all())[0].teamId).toBeUndefined();
  });
});

describe('ticking a team’s members', () => {
  async function storeTeamSession() {
    await facilitatedSessionsRepo.update('s1', () => ({
      sessionId: 's1',
      moduleId: 'foundations',
      title: 'Foundations',
      lessonIds: ['what-sen-means'],
      checks: [],
      minutes: 20,
      startedAt: '2026-03-02T15:30:00.000Z',
      followUpOn: '2026-03-16',
      ticked: [],
      teamId: 'team-oak',
      teamName: 'Oak Tree Nursery',
      tickedMembers: [],
      code: 'K7M2QX',
      sentTicked: [],
      sentTickedMembers: [],
      attendees: [
        { name: 'Ben Okafor', via: 'code', at: '2026-03-02T15:31:00.000Z', learnerId: 'learner-ben' },
      ],
    }));
  }

  it('offers the members from the device, keeps a tick with no signal, and shows who joined on their phone', async () => {
    await leadOakTree();
    await storeTeamSession();
    const user = userEvent.setup();
    render(<AttendancePanel sessionId="s1" />);
    const members = await screen.findByRole('group', { name: 'Oak Tree Nursery’s members' });
    const ben = within(members).getByRole('checkbox', { name: 'Ben Okafor (joined on their phone)' });
    expect(ben).toBeChecked();
    expect(ben).toBeDisabled();
    const ana = within(members).getByRole('checkbox', { name: 'Ana Patel' });
    expect(ana).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Attendance is saved and sent.');

    await user.click(ana);
    await waitFor(() => expect(ana).toBeChecked());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Attendance is saved on this device and will be sent when there is a connection.',
      ),
    );
    expect((await facilitatedSessionsRepo.get('s1'))?.tickedMembers).toEqual([ROSTER[0]]);
    // Visitors are still typed.
    await user.type(screen.getByLabelText('Tick a visitor’s name (not in the team)'), 'Vic Visitor');
    await user.click(screen.getByRole('button', { name: 'Tick' }));
    expect(await screen.findByRole('list', { name: 'Ticked names' })).toHaveTextContent('Vic Visitor');

    await user.click(ana);
    await waitFor(() => expect(ana).not.toBeChecked());
    expect((await facilitatedSessionsRepo.get('s1'))?.tickedMembers).toEqual([]);
  });

  it('says so when the team’s list is not on the device yet, and typed names still work', async () => {
    await writeMeta(db, 'teams', { learnerId: 'learner-me', teams: [aTeam({ myRole: 'leader' })] });
    await storeTeamSession();
    render(<AttendancePanel sessionId="s1" />);
    const members = await screen.findByRole('group', { name: 'Oak Tree Nursery’s members' });
    expect(members).toHaveAccessibleDescription(
      'Oak Tree Nursery’s list of members is not on this device yet. It is fetched when there is a signal; until then, type names below.',
    );
    expect(within(members).queryByRole('checkbox')).toBeNull();
    expect(screen.getByLabelText('Tick a visitor’s name (not in the team)')).toBeInTheDocument();
  });
});
