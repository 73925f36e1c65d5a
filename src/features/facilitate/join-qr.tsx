// The join link as a QR code, drawn from the encoder's raw modules as one SVG path (no HTML strings). The
// encoder (the `qr` package) is its own chunk, loaded only when a session shows its code.
import { useEffect, useState } from 'react';

export function JoinQr({ url }: { url: string }) {
  const [modules, setModules] = useState<boolean[][] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import('qr')
      .then(({ encodeQR }) => {
        // Medium error correction: a projector's glare or a phone at an angle still reads it. The encoder
        // leaves a 2-module margin; the drawing adds 2 more for the 4-module quiet zone scanners expect.
        if (!cancelled) setModules(encodeQR(url, 'raw', { ecc: 'medium' }));
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  if (failed) return null;
  if (!modules) return <div className="join-qr join-qr--loading" />;
  const size = modules.length;
  let d = '';
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + 2} ${y + 2}h1v1h-1z`;
    });
  });
  return (
    <svg
      className="join-qr"
      viewBox={`0 0 ${size + 4} ${size + 4}`}
      role="img"
      aria-label={`QR code for ${url}`}
      shapeRendering="crispEdges"
    >
      <rect width={size + 4} height={size + 4} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
