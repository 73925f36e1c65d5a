import { useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { type ProfileRow, profilesRepo } from '../../db/profiles-repo';
import { AddPersonForm } from './add-person-form';
import { markChosenThisVisit } from './chosen-this-visit';
import { mustChoose } from './must-choose';
import { MyPinForm } from './my-pin-form';
import { PersonChooser } from './person-chooser';
import './profiles.css';
import { RemovePerson } from './remove-person';
import { switchProfile } from './switch-profile';
import { useProfiles } from './use-profiles';

/** Where the app goes after "Continue": only an address inside the app, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * "Who is studying?" on a device with two or more people (docs/accounts.md, "Shared tablets"): choose a
 * person, add one, remove one, and change your own PIN. Until someone is chosen (with their PIN) it offers
 * only the choice, so nobody reaches the person studying now, or adds someone to get past them, unasked.
 * On a personal device it only offers to add a person.
 */
export function PeoplePage() {
  const people = useProfiles();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  if (!people) return <Loading what="the people on this device" />;
  // A list of one is left only by "Forgot PIN?" removing the other person: the one left still gives their PIN.
  const shared = people.list.length > 0;
  const me = people.list.find((p) => p.databaseName === people.activeDatabaseName);
  const others = people.list.filter((p) => p !== me);
  const choosing = shared && mustChoose(me);

  async function chosen(person: ProfileRow) {
    if (person.databaseName === people?.activeDatabaseName) {
      markChosenThisVisit();
      await profilesRepo.endSharingIfAlone();
      await navigate(safeNext(params.get('next')), { replace: true });
    } else {
      await switchProfile(person.databaseName);
    }
  }

  return (
    <>
      <PageHeading title={shared ? 'Who is studying?' : 'People on this device'} />
      {shared ? (
        <PersonChooser
          people={people.list}
          activeDatabaseName={people.activeDatabaseName}
          onChosen={chosen}
        />
      ) : (
        <p>
          Only one person studies on this device. If colleagues share it (a tablet in the room), add each of
          them: everyone keeps their own progress.
        </p>
      )}
      {!choosing && <AddPersonForm firstTime={!shared} />}
      {!choosing && shared && me && <MyPinForm me={me} />}
      {!choosing && others.length > 0 && (
        <section className="card" aria-labelledby="remove-people-heading">
          <h2 id="remove-people-heading">Remove someone from this device</h2>
          <ul className="people-remove-list">
            {others.map((person) => (
              <li key={person.databaseName}>
                <RemovePerson person={person} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
