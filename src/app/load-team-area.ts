// A step between the first screen's route table and the Teams screens (see app-routes.tsx): the names of
// the screens' own chunks then live in this one-line chunk, not in the first screen's code.
export const loadTeamArea = async () => (await import('./team-area')).TeamArea;
