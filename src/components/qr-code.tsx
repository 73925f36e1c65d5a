import { useEffect, useState } from 'react';
import './qr-code.css';

type Matrix = { size: number; path: string };

/** Dark modules as one SVG path: a square per module, so the code stays crisp at any print size. */
function modulesPath(data: readonly (readonly boolean[])[]): string {
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return d;
}

const QUIET_ZONE = 4;

/**
 * A QR code for `text` (a certificate's verify link, a team's join link, a session's join code), drawn as
 * one SVG path so it stays sharp on a poster or a projector. The encoder (uqr) is fetched only when a code
 * is first shown, so no other page carries it. Error correction M survives a creased poster or a
 * projector's glare; dark on white in every theme, because scanners need that contrast.
 */
export function QrCode({
  text,
  label,
  className = 'qr-code',
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => {
      const { data, size } = encode(text, { ecc: 'M', border: 0 });
      if (live) setMatrix({ size, path: modulesPath(data) });
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!matrix) return <div className={`${className} qr-code--pending`} />;
  const box = matrix.size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
      shapeRendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#ffffff" />
      <path d={matrix.path} fill="#000000" />
    </svg>
  );
}
