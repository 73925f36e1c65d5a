// A step between the first screen's route table and the Teams screens: see app-routes.tsx.
export const loadTeamArea = async () => (await import('./team-area')).TeamArea;
