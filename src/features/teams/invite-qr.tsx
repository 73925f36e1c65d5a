import { useEffect, useState } from 'react';

/**
 * The join link as a QR code, drawn as one SVG path (sharp at any print size). The encoder loads only when
 * a code is shown, so no other screen carries it. Error correction M survives a creased, faded poster.
 */
export function InviteQr({ url, label }: { url: string; label: string }) {
  const [drawing, setDrawing] = useState<{ size: number; path: string } | undefined>();
  useEffect(() => {
    let live = true;
    void import('qrcode-generator').then(({ default: qrcode }) => {
      const qr = qrcode(0, 'M');
      qr.addData(url);
      qr.make();
      const count = qr.getModuleCount();
      let path = '';
      for (let row = 0; row < count; row += 1)
        for (let col = 0; col < count; col += 1)
          if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
      if (live) setDrawing({ size: count + 8, path });
    });
    return () => {
      live = false;
    };
  }, [url]);
  if (!drawing) return <p className="meta">Drawing the QR code…</p>;
  return (
    <div className="invite-qr">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${drawing.size} ${drawing.size}`}
        shapeRendering="crispEdges"
      >
        <rect width={drawing.size} height={drawing.size} fill="#ffffff" />
        <path d={drawing.path} fill="#000000" />
      </svg>
    </div>
  );
}
