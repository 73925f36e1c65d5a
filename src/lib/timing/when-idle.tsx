import { type ReactNode, Suspense } from 'react';
import { useIdle } from './use-idle';

/**
 * Shows nothing until the browser is first idle after this mounts, then its children, with no fallback
 * while their code loads. For a lazy part of the screen that can wait: its chunk costs nothing on the first
 * screen's JavaScript and does not compete with the page being opened.
 */
export function WhenIdle({ children }: { children: ReactNode }) {
  const idle = useIdle();
  return idle ? <Suspense fallback={null}>{children}</Suspense> : null;
}
