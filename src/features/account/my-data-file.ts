// The files "Your data" saves: the server's copy as pretty-printed JSON, named with the day it was made.
import type { MyData } from '../../shared/protocol/my-data-protocol';

export function myDataFileName(data: Pick<MyData, 'exportedAt'>): string {
  return `pocket-cpd-my-data-${data.exportedAt.slice(0, 10)}.json`;
}

export function myDataBlob(data: MyData): Blob {
  return new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
}
