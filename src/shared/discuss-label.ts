/**
 * What a self-study learner reads before a `:::discuss` prompt: with no group to talk to, the prompt is
 * something to think over alone or with a colleague. The app and the prerendered page both show it, so it
 * lives here once.
 */
export const DISCUSS_LABEL = 'Think about, or talk with a colleague:';
