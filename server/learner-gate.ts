// Caps how many requests of one kind (pushes, or pulls) a learner has running at once in this process.
// One account opening many pulls in parallel could otherwise hold many pages of notes in memory at the
// same time; past the cap the request answers 429 with Retry-After, which the device's engine waits out.
import { HttpError } from './http-error';

export type LearnerGate = { run: <T>(learnerId: string, task: () => Promise<T>) => Promise<T> };

export function createLearnerGate(maxInFlight: number): LearnerGate {
  const inFlight = new Map<string, number>();
  return {
    async run(learnerId, task) {
      const running = inFlight.get(learnerId) ?? 0;
      if (running >= maxInFlight) {
        throw new HttpError(
          429,
          'too_many_requests',
          `This account already has ${maxInFlight} sync requests of this kind running. Try again in a moment.`,
          { 'Retry-After': '1' },
        );
      }
      inFlight.set(learnerId, running + 1);
      try {
        return await task();
      } finally {
        const left = (inFlight.get(learnerId) ?? 1) - 1;
        // Entries go when their last request ends, so the map holds only learners with requests running.
        if (left === 0) inFlight.delete(learnerId);
        else inFlight.set(learnerId, left);
      }
    },
  };
}
