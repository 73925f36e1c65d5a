import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ProfileRow } from '../../db/profiles-repo';
import { ForgotPin } from './forgot-pin';
import { NewPinStep } from './new-pin-step';
import { PinPrompt } from './pin-prompt';
import { pinMatches } from './profile-pin';

type Props = {
  people: ProfileRow[];
  activeDatabaseName: string;
  /** Called once the chosen person's PIN was given, or chosen by a person who had none. */
  onChosen: (person: ProfileRow) => Promise<void>;
};

/**
 * "Who is studying?": one button per person. Choosing always asks for that person's PIN; a person without
 * one (from before everyone on a shared device needed one) sets it first. Under the PIN, "Forgot PIN?" is
 * the way out for someone who cannot give it: removing them from this device (forgot-pin.tsx).
 */
export function PersonChooser({ people, activeDatabaseName, onChosen }: Props) {
  const [asking, setAsking] = useState<ProfileRow | null>(null);
  const [settingPin, setSettingPin] = useState<ProfileRow | null>(null);
  const [forgetting, setForgetting] = useState<ProfileRow | null>(null);
  const [removed, setRemoved] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (removed) status.current?.focus();
  }, [removed]);

  function choose(person: ProfileRow) {
    setRemoved('');
    if (person.pin) setAsking(person);
    else setSettingPin(person);
  }

  async function checkPin(person: ProfileRow, pin: string) {
    if (!person.pin || !(await pinMatches(pin, person.pin)))
      return `That PIN is not ${person.name}’s. Try again.`;
    await onChosen(person);
    return undefined;
  }

  let step: ReactNode = null;
  if (settingPin) {
    step = <NewPinStep person={settingPin} onSaved={onChosen} onCancel={() => setSettingPin(null)} />;
  } else if (forgetting) {
    step = (
      <ForgotPin
        person={forgetting}
        onKeep={() => {
          setForgetting(null);
          setAsking(forgetting);
        }}
        onRemoved={() => {
          setRemoved(`${forgetting.name} was removed from this device.`);
          setForgetting(null);
          setAsking(null);
        }}
      />
    );
  } else if (asking) {
    step = (
      <PinPrompt
        key={asking.databaseName}
        label={`${asking.name}’s PIN`}
        submitLabel={`Continue as ${asking.name}`}
        onPin={(pin) => checkPin(asking, pin)}
        onCancel={() => setAsking(null)}
      >
        <button type="button" className="button button--quiet" onClick={() => setForgetting(asking)}>
          Forgot PIN?
        </button>
      </PinPrompt>
    );
  }

  return (
    <>
      {/* Always there, so the news of a removal is announced; focused, since the button pressed is gone. */}
      <p role="status" ref={status} tabIndex={-1}>
        {removed}
      </p>
      {step ?? (
        <ul className="people-list">
          {people.map((person) => (
            <li key={person.databaseName}>
              <button type="button" className="button people-list__person" onClick={() => choose(person)}>
                {person.databaseName === activeDatabaseName ? `${person.name} (studying now)` : person.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
