// The site's own address, which xAPI activity ids and learners' account agents start with: PUBLIC_URL
// when set (stable behind any proxy), else the origin the request came to.
import type { Config } from '../config';

export function siteBaseUrl(config: Config, requestUrl: string): string {
  return config.publicUrl ?? new URL(requestUrl).origin;
}
