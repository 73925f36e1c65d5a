// The setup of a browser test file that needs one device: the real server over the build and one Chromium
// profile, started once for the file and stopped after it.
import { afterAll, beforeAll } from 'vitest';
import { type AppServer, startAppServer } from './app-server';
import { type Device, openDevice } from './browser';

/** `receive` gets the server and the device once both are up (a file keeps them in its own variables). */
export function serverAndDevicePerFile(receive: (server: AppServer, device: Device) => void): void {
  let server: AppServer | undefined;
  let device: Device | undefined;
  beforeAll(async () => {
    server = await startAppServer();
    device = await openDevice();
    receive(server, device);
  });
  afterAll(async () => {
    await device?.close();
    await server?.stop();
  });
}
