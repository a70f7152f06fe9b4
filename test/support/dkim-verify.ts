import { createHash, createVerify } from 'node:crypto';

/**
 * An independent DKIM check (RFC 6376, relaxed/relaxed, rsa-sha256) of a raw message, with the
 * public key given instead of looked up in DNS: body hash and header signature.
 */
export function verifyDkim(raw: string, publicKeyPem: string): { domain: string; selector: string; bodyHashOk: boolean; signatureOk: boolean } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const fields = head.split(/\r\n(?![ \t])/);
  const signatureField = fields.find((f) => /^dkim-signature:/i.test(f));
  if (!signatureField) throw new Error('no DKIM-Signature');
  const tags = new Map(
    signatureField
      .slice(signatureField.indexOf(':') + 1)
      .split(';')
      .map((t) => t.replace(/\s+/g, ''))
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)] as const),
  );
  if (tags.get('a') !== 'rsa-sha256' || tags.get('c') !== 'relaxed/relaxed') throw new Error('unexpected DKIM algorithm');

  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const canonicalBody = lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
  const bodyHashOk = createHash('sha256').update(canonicalBody, 'latin1').digest('base64') === tags.get('bh');

  const relaxed = (field: string) => {
    const at = field.indexOf(':');
    const value = field.slice(at + 1).replace(/\r\n/g, '').replace(/[ \t]+/g, ' ').trim();
    return `${field.slice(0, at).trim().toLowerCase()}:${value}`;
  };
  const used = new Set<number>();
  const signed: string[] = [];
  for (const name of (tags.get('h') ?? '').split(':')) {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i] as string;
      if (!used.has(i) && f.slice(0, f.indexOf(':')).trim().toLowerCase() === name.toLowerCase()) {
        used.add(i);
        signed.push(`${relaxed(f)}\r\n`);
        break;
      }
    }
  }
  signed.push(relaxed(signatureField).replace(/(;\s*b=)[^;]*$/, '$1'));
  const signatureOk = createVerify('RSA-SHA256')
    .update(signed.join(''), 'latin1')
    .verify(publicKeyPem, tags.get('b') ?? '', 'base64');
  return { domain: tags.get('d') ?? '', selector: tags.get('s') ?? '', bodyHashOk, signatureOk };
}
