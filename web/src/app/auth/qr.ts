import qrcode from 'qrcode-generator';

const QUIET_ZONE = 4;

/** A QR code (error correction M, smallest version that fits) as one SVG path of unit squares. */
export function qrPath(text: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const cells: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) if (qr.isDark(row, col)) cells.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
  }
  return { size: count + 2 * QUIET_ZONE, path: cells.join('') };
}
