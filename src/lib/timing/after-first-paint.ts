// For work that can wait until the page has shown something: resolves once the browser has painted text or
// an image (the first contentful paint). A page opened in a background tab paints only when it is shown,
// and a browser without paint timing cannot say, so it also resolves after `fallbackMs` at the latest
// (without paint timing, after the next frame).
export function afterFirstContentfulPaint(fallbackMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, fallbackMs);
    if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(() => setTimeout(done, 0));
      return;
    }
    observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    // `buffered`: a paint that happened before this code ran is reported too.
    observer.observe({ type: 'paint', buffered: true });
  });
}
