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
        // Medium error correction: a projector's glare or a phone at an angle still reads it.
        if (!cancelled) setModules(encodeQR(url, 'raw', { ecc: 'medium', border: 0 }));
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
      if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    });
  });
  return (
    <svg
      className="join-qr"
      viewBox={`0 0 ${size + 8} ${size + 8}`}
      role="img"
      aria-label={`QR code for ${url}`}
      shapeRendering="crispEdges"
    >
      <rect width={size + 8} height={size + 8} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
