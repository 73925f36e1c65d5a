import type { Area, Audience } from '../../shared/content/content-types';
import type { Theme } from '../../shared/device/settings';

/** Words people use for each role, area of need and theme. */
export const labels = {
  audience: {
    teacher: 'Teacher',
    ta: 'Teaching assistant',
    'early-years': 'Early years practitioner',
    college: 'College staff',
    leader: 'Leader or SENCO',
    support: 'Pastoral, office or lunchtime staff',
    all: 'All staff',
  } satisfies Record<Audience, string>,
  area: {
    'communication-interaction': 'Communication and interaction',
    'cognition-learning': 'Cognition and learning',
    semh: 'Social, emotional and mental health',
    'sensory-physical': 'Sensory and physical',
    'whole-school': 'Whole setting',
  } satisfies Record<Area, string>,
  theme: {
    system: 'Same as my device',
    light: 'Light',
    dark: 'Dark',
    cream: 'Cream (low glare)',
    'high-contrast': 'High contrast',
  } satisfies Record<Theme, string>,
};
