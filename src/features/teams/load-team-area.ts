// A step between the first screen and the Teams code (see app-routes.tsx and today/use-today.ts): the Teams
// screens and Today's assignment card come in one chunk, so the modules they share are not split into
// chunks of their own whose names the first screen would carry.
export const loadTeamArea = async () => (await import('./team-area')).TeamArea;
export const loadTodayTeams = async () => (await import('./team-area')).todayTeamState;
