import { Link } from 'react-router';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { RadioChoice } from '../../components/radio-choice';
import { settingsStore } from '../../db/settings-store';
import { StoragePanel } from '../../downloads/storage-panel';
import { useStoreValue } from '../../lib/stores/use-store-value';
import { labels } from '../../lib/text/labels';
import { InstallSection } from '../../pwa/install-section';
import { ROLES, type Settings, TEXT_SIZES, THEMES } from '../../shared/device/settings';
import { DyslexiaPreset } from './dyslexia-preset';
import { ReadingAdjustments } from './reading-adjustments';
import { StudySlotsSection } from './study-slots-section';
import { updateSettings } from './update-settings';

export function SettingsPage() {
  const settings = useStoreValue(settingsStore);

  if (!settings) {
    return (
      <>
        <PageHeading title="Settings" />
        <Loading what="your settings" />
      </>
    );
  }

  const update = (patch: Partial<Settings>) => {
    void updateSettings({ ...settings, ...patch });
  };

  return (
    <>
      <PageHeading title="Settings" />
      <p>Changes apply straight away and are saved on this device.</p>
      <p>
        <Link to="/settings/sync">Back up and sync</Link>: keep your progress safe and use it on another
        device.
      </p>
      <p>
        <Link to="/settings/my-data">Your data</Link>: download a copy of what is stored about you, or delete
        your account.
        <Link to="/settings/teams">Teams</Link>: join your setting’s team, or start one for your staff.
      </p>
      <p>
        <Link to="/settings/people">People on this device</Link>: colleagues sharing a tablet each keep their
        own progress.
      </p>
      <RadioChoice
        legend="Your role"
        name="role"
        value={settings.role}
        options={ROLES}
        label={(r) => labels.audience[r]}
        onChange={(role) => update({ role })}
      />
      <DyslexiaPreset settings={settings} update={update} />
      <RadioChoice
        legend="Text size"
        name="text-size"
        value={settings.textSize}
        options={TEXT_SIZES}
        label={(size) => `${size}%`}
        onChange={(textSize) => update({ textSize })}
      />
      <RadioChoice
        legend="Colours"
        name="theme"
        value={settings.theme}
        options={THEMES}
        label={(t) => labels.theme[t]}
        onChange={(theme) => update({ theme })}
      />
      <ReadingAdjustments settings={settings} update={update} />
      <StudySlotsSection />
      <StoragePanel role={settings.role} />
      <InstallSection />
    </>
  );
}
