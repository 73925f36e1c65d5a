import { useId, useState } from 'react';
import { Link } from 'react-router';
import { format } from '../../lib/text/format';
import type { Catalog } from '../../shared/content/content-types';
import type { Role } from '../../shared/device/settings';
import type { RefresherRef } from '../../shared/planning/plan-slot';
import { planSlot, SLOT_MINUTES, type SlotItem, type SlotMinutes } from '../../shared/planning/plan-slot';
import type { Progress } from '../../shared/progress/progress';

type Props = {
  catalog: Catalog;
  progress: Progress;
  role: Role | undefined;
  refreshersDue: readonly RefresherRef[];
  inProgress: string | undefined;
  assigned: readonly string[] | undefined;
};

/**
 * "I have N minutes": the learner picks a slot and sees what fits (planSlot), with one button that starts
 * the first item. Lessons open where the learner left off; refreshers open the refresher session.
 */
export function SlotPlanner({ catalog, progress, role, refreshersDue, inProgress, assigned }: Props) {
  const [slot, setSlot] = useState<SlotMinutes | null>(null);
  const planId = useId();
  const plan = slot
    ? planSlot({ minutes: slot, catalog, progress, pathway: role, refreshersDue, inProgress, assigned })
    : null;
  const titleOf = (lessonId: string) =>
    catalog.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId)?.title ?? lessonId;
  const refresherCount = plan?.items.filter((i) => i.kind === 'refresher').length ?? 0;
  const first = plan?.items[0];

  const describe = (item: SlotItem) => {
    if (item.kind === 'refresher') return `Refresher: a question from “${titleOf(item.lessonId)}”`;
    const title = titleOf(item.lessonId);
    return item.reason === 'in-progress' ? `Finish “${title}”` : title;
  };
  const startTo = (item: SlotItem) =>
    item.kind === 'lesson'
      ? `/modules/${item.moduleId}/${item.lessonId}`
      : `/refresh?count=${refresherCount}`;
  const startLabel = (item: SlotItem) =>
    item.kind === 'refresher'
      ? refresherCount === 1
        ? 'Start the refresher'
        : `Start ${refresherCount} refreshers`
      : item.reason === 'in-progress'
        ? `Continue “${titleOf(item.lessonId)}”`
        : `Start “${titleOf(item.lessonId)}”`;

  return (
    <section aria-labelledby="slot-heading" className="card">
      <h2 id="slot-heading">Got a few minutes?</h2>
      <fieldset className="slot-picker">
        <legend>How much time do you have?</legend>
        {SLOT_MINUTES.map((minutes) => (
          <label key={minutes} className="option">
            <input
              type="radio"
              name="slot"
              checked={slot === minutes}
              aria-controls={planId}
              onChange={() => setSlot(minutes)}
            />
            <span>{format.minutes(minutes)}</span>
          </label>
        ))}
      </fieldset>
      <div id={planId} aria-live="polite">
        {plan &&
          slot &&
          (plan.items.length === 0 ? (
            <p>You have completed every lesson and nothing needs refreshing. Well done.</p>
          ) : (
            <>
              <p>
                {plan.fits
                  ? `Your ${format.minutes(slot)}, about ${format.minutes(plan.totalMinutes)} of learning:`
                  : `Nothing fits in ${format.minutes(slot)}. The shortest next step takes about ${format.minutes(plan.totalMinutes)}:`}
              </p>
              <ol className="plan-list" aria-label={`Plan for ${format.minutes(slot)}`}>
                {plan.items.map((item) => (
                  <li key={`${item.kind}-${item.lessonId}-${item.kind === 'refresher' ? item.checkId : ''}`}>
                    {describe(item)} <span className="meta">· {format.minutes(item.minutes)}</span>
                  </li>
                ))}
              </ol>
              {first && (
                <p>
                  <Link className="button button--link" to={startTo(first)}>
                    {startLabel(first)}
                  </Link>
                </p>
              )}
            </>
          ))}
      </div>
    </section>
  );
}
