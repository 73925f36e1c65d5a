import { describe, expect, it } from 'vitest';
import { splitHosts } from '../../server/pg-hosts';

describe('splitHosts', () => {
  it.each([
    ['postgres://u@h:5432/db', ['postgres://u@h:5432/db']],
    [
      'postgres://u:p%40ss@a:5432,b:5433/db?target_session_attrs=read-write',
      ['postgres://u:p%40ss@a:5432/db', 'postgres://u:p%40ss@b:5433/db'],
    ],
    [
      'postgresql://a:1,b:2/db?sslmode=require&target_session_attrs=read-write',
      ['postgresql://a:1/db?sslmode=require', 'postgresql://b:2/db?sslmode=require'],
    ],
  ])('%s → one URL per host', (url, expected) => {
    expect(splitHosts(url).map((t) => t.url)).toEqual(expected);
  });

  it('labels a host without its credentials', () => {
    expect(splitHosts('postgres://u:secret@a:1,b:2/db').map((t) => t.label)).toEqual(['a:1', 'b:2']);
  });
});
