// Start-up work split across tasks: a page that has painted its static shell answers a tap between them,
// where one long task would block it (on a slow phone, four times as long as here).
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}
