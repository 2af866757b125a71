/** The confirmation letter (PDF, pdf-lib) the gemeente sends when it plans a burial. */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface Bevestiging {
  gemeente: string;
  zaakIdentificatie: string;
  overledene: string;
  rechthebbende: string;
  uitvaartonderneming: string;
  begraafplaats: string;
  adres: string;
  graf: string;
  start: Date;
}

const WANNEER = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/**
 * Text the standard PDF fonts (WinAnsi) can write: Latin-1 stays (é, ë, ü), other letters lose
 * their accents (ł → l via a table, ş → s by decomposition), the rest becomes "?". A name like
 * Yılmaz must not stop the confirmation.
 */
export function winAnsi(text: string): string {
  const SPECIAL: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', œ: 'oe', Œ: 'OE', '\u2013': '-', '\u2014': '-', '\u2019': "'", '\u201c': '"', '\u201d': '"' };
  return [...text]
    .map((c) => {
      if (c.charCodeAt(0) <= 0xff) return c;
      if (SPECIAL[c]) return SPECIAL[c];
      const plain = c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      return [...plain].every((p) => p.charCodeAt(0) <= 0xff) ? plain : '?';
    })
    .join('');
}

export async function bevestigingPdf(b: Bevestiging): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Bevestiging begrafenis ${b.zaakIdentificatie}`);
  pdf.setAuthor(b.gemeente);
  pdf.setLanguage('nl-NL');
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  const line = (text: string, options: { bold?: boolean; size?: number; gap?: number } = {}) => {
    page.drawText(winAnsi(text), { x: 56, y, size: options.size ?? 11, font: options.bold ? bold : font, color: rgb(0.1, 0.1, 0.1) });
    y -= options.gap ?? 18;
  };
  line(b.gemeente, { bold: true, size: 16, gap: 36 });
  line('Bevestiging begrafenis', { bold: true, size: 14, gap: 28 });
  line(`Aan: ${b.uitvaartonderneming}`);
  line(`Zaak: ${b.zaakIdentificatie}`, { gap: 28 });
  line('De gemeente bevestigt de volgende begrafenis:', { gap: 24 });
  for (const [term, value] of [
    ['Overledene', b.overledene],
    ['Datum en tijd', WANNEER.format(b.start)],
    ['Begraafplaats', `${b.begraafplaats}, ${b.adres}`],
    ['Graf', b.graf],
    ['Rechthebbende', b.rechthebbende],
  ] as const) {
    page.drawText(`${term}:`, { x: 56, y, size: 11, font: bold });
    page.drawText(winAnsi(value), { x: 170, y, size: 11, font });
    y -= 18;
  }
  y -= 18;
  line('Wij verwachten u een kwartier voor aanvang bij de aula van de begraafplaats.');
  line('Wijzigingen geeft u door via de Begrafenisplanner.', { gap: 36 });
  line(`Met vriendelijke groet,`);
  line(`Team Begraafplaatsen, ${b.gemeente}`);
  return Buffer.from(await pdf.save());
}
