// The Teams screens against the contract (src/shared/protocol/team-protocol.ts), with a stand-in server whose
// answers are contract-shaped and whose request bodies are parsed by the contract's strict schemas.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { readMeta, writeMeta } from '../../src/db/meta';
import { appSync } from '../../src/sync/app-sync';
import { type FakeTeamServer, fakeTeamServer } from '../helpers/fake-team-server';
import { renderApp } from '../helpers/render-app';
import { aMemberRow, anAssignment, aTeam } from '../helpers/team-fixtures';

let server: FakeTeamServer;

async function signIn() {
  await writeMeta(db, 'session', { learnerId: 'learner-me', token: 'tok', email: 'me@oaktree.sch.uk' });
}

function open(route: string) {
  const view = renderApp(route);
  server.install();
  return view;
}

beforeEach(() => {
  server = fakeTeamServer();
});

describe('joining from an invite link', () => {
  it('signed out, it explains why an account is needed and offers one on the same page', async () => {
    open('/join/K7M2QX9P');
    expect(await screen.findByRole('heading', { level: 1, name: 'Join a team' })).toBeInTheDocument();
    await screen.findByText(/Joining needs an account/);
    expect(screen.getByRole('main')).toHaveTextContent(
      'You have been invited to join your setting’s team in Pocket CPD, with the code K7M2QX9P. Joining needs an account',
    );
    expect(await screen.findByRole('button', { name: 'Create account' })).toBeInTheDocument();
    expect(server.requests.filter((r) => r.includes('/invites/'))).toEqual([]);
  });

  it('says what leaders see and never see, asks the role, joins, and Today shows the assignment', async () => {
    await signIn();
    const { user } = open('/join/k7m2qx9p');
    expect(await screen.findByText('invites you to join its team.')).toHaveTextContent(
      'Oak Tree Nursery invites you to join its team.',
    );
    const sharing = screen.getByRole('region', { name: 'What Oak Tree Nursery’s leaders will see' });
    for (const shown of [
      'your name and the role you choose below',
      'the lessons and modules you complete, with the dates you completed them',
      'the minutes of learning you have done',
      'for each assignment, whether it is done, in progress, not started or overdue',
      'how many refresher questions are due for you',
      'the team’s training sessions you attend (date, module and minutes), whether you join on your phone or the person running the session ticks your name',
      'your answers to the knowledge checks',
      'your notes and reflections',
      'where you are in a lesson, or the times of day you study',
    ])
      expect(within(sharing).getByText(shown)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Join Oak Tree Nursery' }));
    expect(screen.getByText('Choose the role that fits your job best.')).toHaveAttribute('role', 'alert');
    await user.click(screen.getByRole('radio', { name: 'Teaching assistant' }));
    await user.click(screen.getByRole('button', { name: 'Join Oak Tree Nursery' }));
    expect(await screen.findByText('You joined Oak Tree Nursery.')).toBeInTheDocument();
    expect(server.requests).toContain('POST /invites/K7M2QX9P/accept');
    expect((await readMeta(db, 'teams'))?.teams.map((t) => t.staffRole)).toEqual(['ta']);

    await user.click(within(screen.getByRole('main')).getByRole('link', { name: 'Today' }));
    const card = await screen.findByRole('region', { name: 'From your team' });
    expect(card).toHaveTextContent('Foundations');
    expect(card).toHaveTextContent('Oak Tree Nursery · Not started · due 18 December 2026');
  });

  it.each([
    {
      status: 410,
      code: 'invite_expired',
      text: 'This join code has expired. Ask the team’s leader for a new one.',
    },
    { status: 404, code: 'invite_not_found', text: 'This join code does not work' },
    {
      status: 403,
      code: 'invite_domain',
      text: 'This invitation is for email addresses ending in @ash.sch.uk.',
    },
  ])('an invitation refused with $code says so in plain words', async ({ status, code, text }) => {
    await signIn();
    server.inviteError = {
      status,
      code,
      message: 'This invitation is for email addresses ending in @ash.sch.uk.',
    };
    open('/join/K7M2QX9P');
    expect(await screen.findByText(text, { exact: false })).toHaveAttribute('role', 'alert');
  });

  it('a link with something other than a join code says what a code looks like', async () => {
    open('/join/hello');
    expect(await screen.findByText(/a join code is 8 letters and digits/)).toHaveAttribute('role', 'alert');
  });
});

describe('Settings → Teams', () => {
  it('lists the teams, and leaving asks first, says it stops at once, and forgets the team', async () => {
    await signIn();
    server.myTeams = [aTeam()];
    await writeMeta(db, 'teams', { learnerId: 'learner-me', teams: [aTeam()] });
    const { user } = open('/settings');
    await user.click(await screen.findByRole('link', { name: 'Teams' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Oak Tree Nursery' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Leave Oak Tree Nursery' }));
    expect(screen.getByText(/Its leaders stop seeing your progress at once/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Leave the team' }));
    expect(await screen.findByText(/You left Oak Tree Nursery/)).toBeInTheDocument();
    expect(server.requests).toContain('DELETE /teams/team-oak/members/learner-me');
    await waitFor(() =>
      expect(screen.queryByRole('heading', { level: 3, name: 'Oak Tree Nursery' })).toBeNull(),
    );
    expect((await readMeta(db, 'teams'))?.teams).toEqual([]);
  });

  it('a join code typed with spaces and in lower case goes to the join page; a wrong one is explained', async () => {
    await signIn();
    const { user, location } = open('/settings/teams');
    const field = await screen.findByRole('textbox', { name: 'Join code' });
    await user.type(field, 'K7M2');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(field).toHaveAccessibleDescription(/Enter the 8 letters and digits/);
    await user.type(field, ' qx9p');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(location.current?.pathname).toBe('/join/K7M2QX9P'));
  });

  it('starting a team creates it and opens its management', async () => {
    await signIn();
    const { user, location } = open('/settings/teams');
    await user.type(
      await screen.findByRole('textbox', { name: 'Name of your setting' }),
      'Ash Grove Primary',
    );
    await user.click(screen.getByRole('button', { name: 'Start the team' }));
    await waitFor(() => expect(location.current?.pathname).toBe('/teams/team-new/manage'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Manage Ash Grove Primary' }),
    ).toBeInTheDocument();
  });

  it('starting a team when the part of the app that syncs cannot be loaded says so, and can be tried again', async () => {
    await signIn();
    const { user, location } = open('/settings/teams');
    const name = await screen.findByRole('textbox', { name: 'Name of your setting' });
    await user.type(name, 'Ash Grove Primary');
    vi.spyOn(appSync, 'load').mockRejectedValue(
      new TypeError('Failed to fetch dynamically imported module: /assets/start-sync.js'),
    );
    await user.click(screen.getByRole('button', { name: 'Start the team' }));
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(expect.stringContaining('You seem to be offline')),
    );
    expect(screen.getByRole('button', { name: 'Start the team' })).toBeEnabled();
    expect(location.current?.pathname).toBe('/settings/teams');
  });

  it('signed out, it says an account is needed', async () => {
    open('/settings/teams');
    expect(await screen.findByRole('link', { name: 'Sign in or create an account' })).toHaveAttribute(
      'href',
      '/settings/sync',
    );
  });
});

describe('the leaders’ dashboard', () => {
  it('shows totals and statuses, filters by role, and exports what is shown as CSV', async () => {
    await signIn();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:team';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = open('/teams/team-oak');
    expect(await screen.findByText('1 of 2 staff has completed Foundations')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /Ana Patel/ })).toHaveTextContent('Done 20 November 2026');
    expect(within(table).getByRole('row', { name: /Ben Okafor/ })).toHaveTextContent('Not started');
    // The team's training sessions: who attended, in a total, a list and a column.
    const sessions = screen.getByRole('region', { name: 'Training sessions' });
    expect(within(sessions).getByText('1 of 2 staff attended a session on Foundations')).toBeInTheDocument();
    expect(within(sessions).getByRole('list', { name: 'Sessions run for the team' })).toHaveTextContent(
      '25 November 2026: Foundations, 20 minutes (1 of 2 staff attended)',
    );
    const sessionsColumn = (name: RegExp) =>
      within(within(table).getByRole('row', { name })).getAllByRole('cell')[3]?.textContent;
    expect(sessionsColumn(/Ana Patel/)).toBe('1 (20 minutes)');
    expect(sessionsColumn(/Ben Okafor/)).toBe('None');
    // Opening the dashboard keeps the team's members on the device, to tick in a session with no signal.
    expect((await readMeta(db, 'teamRosters'))?.rosters.map((r) => r.members.map((m) => m.name))).toEqual([
      ['Ana Patel', 'Ben Okafor'],
    ]);
    expect(within(table).getByRole('link', { name: 'Ana Patel' })).toHaveAttribute(
      'href',
      '/teams/team-oak/members/learner-ana',
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Teaching assistant');
    expect(await screen.findByText('0 of 1 staff have completed Foundations')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).queryByRole('row', { name: /Ana Patel/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    const csv = new TextDecoder().decode(new Uint8Array(await blobs[0].arrayBuffer()).slice(3));
    expect(csv.split('\r\n')).toEqual([
      'Name,Role,Team role,Joined,Minutes,Lessons completed,Refreshers due,Sessions attended,Session minutes,Foundations (due 2026-12-18),Foundations (due 2026-12-18): completed on,Sessions',
      'Ben Okafor,Teaching assistant,Member,2026-11-02,0,0,0,0,0,Not started,,',
      '',
    ]);
  });

  it('a person’s page lists the team’s sessions they attended, with date, module, minutes and how', async () => {
    await signIn();
    open('/teams/team-oak/members/learner-ana');
    const sessions = await screen.findByRole('region', { name: 'Training sessions attended' });
    expect(within(sessions).getByRole('listitem')).toHaveTextContent(
      /^25 November 2026: .+, 20 minutes \(ticked by the person running it\)$/,
    );
  });

  it('a team the caller is not in answers as not found, and the screen shows nothing of it', async () => {
    await signIn();
    open('/teams/team-ash');
    expect(
      await screen.findByText('This team does not exist, or you are not a member of it.'),
    ).toHaveAttribute('role', 'alert');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('managing a team', () => {
  it('creates a join code with a domain and shows its code, link and QR code; withdrawing it moves it to the past', async () => {
    await signIn();
    const { user } = open('/teams/team-oak/manage');
    await user.type(await screen.findByRole('textbox', { name: /Only for email addresses/ }), 'not a domain');
    await user.click(screen.getByRole('button', { name: 'Create a join code' }));
    expect(screen.getByRole('textbox', { name: /Only for email addresses/ })).toHaveAccessibleDescription(
      /Enter a domain such as oaktree.sch.uk/,
    );
    await user.clear(screen.getByRole('textbox', { name: /Only for email addresses/ }));
    await user.type(screen.getByRole('textbox', { name: /Only for email addresses/ }), '@OakTree.sch.uk');
    await user.click(screen.getByRole('button', { name: 'Create a join code' }));
    expect(await screen.findByText('A new join code is ready.')).toBeInTheDocument();
    expect(await screen.findByText('K7M2QX9P')).toBeInTheDocument();
    expect(screen.getByText(/only for @oaktree.sch.uk/)).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'QR code for the join link http://localhost/join/K7M2QX9P' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Withdraw K7M2QX9P' }));
    expect(await screen.findByText('Join code K7M2QX9P no longer works.')).toBeInTheDocument();
    expect(await screen.findByText('No join code works at the moment.')).toBeInTheDocument();
  });

  it('assigns a module to a role with a due date, sent in the contract’s shape', async () => {
    await signIn();
    const { user } = open('/teams/team-oak/manage');
    await user.click(await screen.findByRole('button', { name: 'Assign' }));
    expect(screen.getByText('Choose a module or a pathway.')).toHaveAttribute('role', 'alert');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'What to complete' }),
      'Teaching assistants',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'For' }), 'Teaching assistants only');
    await user.type(screen.getByLabelText('Due by (optional)'), '2027-01-31');
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned.')).toBeInTheDocument();
    expect(server.requests).toContain('POST /teams/team-oak/assignments');
  });

  it('removing a member asks first', async () => {
    await signIn();
    server.dashboard = { ...server.dashboard, members: [aMemberRow()] };
    const { user } = open('/teams/team-oak/manage');
    await user.click(await screen.findByRole('button', { name: 'Remove Ana Patel' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove Ana Patel' }));
    expect(await screen.findByText('Ana Patel is no longer in the team.')).toBeInTheDocument();
    expect(await screen.findByText('No one has joined yet.')).toBeInTheDocument();
  });
});

describe('Today offline', () => {
  it('shows the stored assignments with no connection, and the planner puts the one due soon first', async () => {
    await signIn();
    server.offline = true;
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await writeMeta(db, 'teams', {
      learnerId: 'learner-me',
      teams: [
        aTeam({
          assignments: [
            anAssignment({ title: 'Speech and language', moduleIds: ['speech-language-dld'], dueOn: soon }),
          ],
        }),
      ],
    });
    const { user } = open('/');
    const card = await screen.findByRole('region', { name: 'From your team' });
    expect(card).toHaveTextContent('Speech and language');
    expect(within(card).getByRole('link', { name: /^Start: / })).toHaveAttribute(
      'href',
      '/modules/speech-language-dld',
    );
    const upNext = screen.getByRole('region', { name: 'Up next' });
    const first = within(upNext).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent(/Speech|language|DLD/i);
    await user.click(screen.getByRole('radio', { name: '15 minutes' }));
    expect(screen.getByRole('list', { name: 'Plan for 15 minutes' }).firstElementChild).not.toHaveTextContent(
      'What SEN means',
    );
  });
});
