import { describe, expect, it } from 'vitest';
import { MAX_HLC_LEAD_MS, tickHlc } from '../../../src/shared/progress/hlc';

const NOW = Date.parse('2026-09-01T09:00:00.000Z');

describe('tickHlc after the device clock jumped ahead and came back', () => {
  it.each([
    ['no last timestamp', null, { wall: NOW, counter: 0 }],
    ['last one behind the clock', { wall: NOW - 5, counter: 3, node: 'a' }, { wall: NOW, counter: 0 }],
    [
      'last one slightly ahead: stays monotonic',
      { wall: NOW + 60_000, counter: 3, node: 'a' },
      { wall: NOW + 60_000, counter: 4 },
    ],
    [
      'last one a day ahead, the limit: still kept',
      { wall: NOW + MAX_HLC_LEAD_MS, counter: 0, node: 'a' },
      { wall: NOW + MAX_HLC_LEAD_MS, counter: 1 },
    ],
    // The server would refuse every later event stamped from it, so the clock starts again from now.
    [
      'last one 25 h ahead: dropped',
      { wall: NOW + 25 * 60 * 60 * 1000, counter: 7, node: 'a' },
      { wall: NOW, counter: 0 },
    ],
  ])('%s', (_, last, expected) => {
    expect(tickHlc(last, NOW, 'a')).toEqual({ ...expected, node: 'a' });
  });
});
