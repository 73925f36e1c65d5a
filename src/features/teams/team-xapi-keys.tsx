import { useMemo } from 'react';
import { type XapiKeyCalls, XapiKeysCard } from '../../components/xapi-keys-card';
import { callTeam } from './team-calls';

/** The manage page's xAPI keys: a trust's or college's LRS reads the members' records with one. */
export function TeamXapiKeys({ teamId, teamName }: { teamId: string; teamName: string }) {
  const calls = useMemo<XapiKeyCalls>(
    () => ({
      list: () => callTeam((teams) => teams.xapiKeys(teamId)),
      create: (body) => callTeam((teams) => teams.createXapiKey(teamId, body)),
      revoke: (keyId) => callTeam((teams) => teams.revokeXapiKey(teamId, keyId)),
    }),
    [teamId],
  );
  return (
    <XapiKeysCard
      title="Learning records for your trust or college (xAPI)"
      intro={
        <p>
          A key lets your trust’s or college’s learning record store read the training records of {teamName}’s
          members as xAPI statements: each lesson, check answer, time spent, confidence rating and session, in
          more detail than this dashboard. It works while you lead the team and the person is a member; tell
          staff before you connect one. Statements a key adds are shown to that member and never change
          anyone’s progress.
        </p>
      }
      calls={calls}
    />
  );
}
