// The parts of an xAPI 1.0.3 statement this server writes (the Statements resource accepts and stores any
// valid statement as JSON; these types describe the ones made from learner events).

export type LanguageMap = Record<string, string>;

export type Agent = {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
};

export type Verb = { id: string; display: LanguageMap };

export type Activity = {
  objectType: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    interactionType?: string;
  };
};

export type StatementRef = { objectType: 'StatementRef'; id: string };

export type Result = {
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  score?: { raw?: number; min?: number; max?: number; scaled?: number };
  extensions?: Record<string, unknown>;
};

export type Context = {
  contextActivities?: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[] };
  platform?: string;
  language?: string;
  extensions?: Record<string, unknown>;
};

export type Statement = {
  id: string;
  actor: Agent;
  verb: Verb;
  object: Activity | StatementRef;
  result?: Result;
  context?: Context;
  timestamp: string;
  stored: string;
  authority: Agent;
  version: string;
};
