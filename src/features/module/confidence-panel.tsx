import { Link } from 'react-router';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { writeErrors } from '../../lib/stores/write-errors';
import type { CatalogModule } from '../../shared/content/content-types';
import { confidenceChangeText, confidenceScore } from '../../shared/progress/confidence-text';
import {
  type ConfidenceStage,
  confidenceChange,
  type ModuleConfidence,
} from '../../shared/progress/module-confidence';
import { confidenceLessonId, skippedKey } from './confidence-stage';
import { ConfidenceSurvey } from './confidence-survey';

type Props = {
  module: CatalogModule;
  confidence: ModuleConfidence | undefined;
  /** The question to ask now (`confidenceStage`), or null. */
  stage: ConfidenceStage | null;
};

/** The module's confidence question when it is due, and otherwise what the learner answered. */
export function ConfidencePanel({ module, confidence, stage }: Props) {
  if (!module.confidence?.length) return null;
  const statements = module.confidence;

  const save = (s: ConfidenceStage) => async (ratings: { statement: string; rating: number }[]) =>
    writeErrors.run(() =>
      eventsRepo.record('confidence-rated', confidenceLessonId(module, s), {
        moduleId: module.id,
        stage: s,
        ratings,
      }),
    );
  const skip = (s: ConfidenceStage) => () =>
    void writeErrors.run(() => metaRepo.addConfidenceSkipped(skippedKey(module.id, s)));

  const change = confidence ? confidenceChange(confidence) : undefined;
  return (
    <>
      {stage && (
        <ConfidenceSurvey
          key={stage}
          stage={stage}
          statements={statements}
          onSave={save(stage)}
          onSkip={skip(stage)}
        />
      )}
      <div role="status" className="confidence-summary">
        {confidence?.before && !confidence.after && (
          <p>
            Your confidence at the start: {confidenceScore(confidence.before.mean)} on average.{' '}
            {stage === null && 'You will be asked again when you finish the module.'}
          </p>
        )}
        {confidence?.after && (
          <p>
            {confidence.before
              ? `Your confidence: ${confidenceScore(confidence.before.mean)} at the start, ${confidenceScore(confidence.after.mean)} at the end (${confidenceChangeText(change ?? 0)}).`
              : `Your confidence at the end: ${confidenceScore(confidence.after.mean)} on average.`}{' '}
            <Link to="/record">See your CPD record</Link>
          </p>
        )}
      </div>
    </>
  );
}
