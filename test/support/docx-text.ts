/** The text of a `.docx`, paragraph by paragraph (runs joined): what a reader sees, and what Drive's text export gives. */
import JSZip from 'jszip';
import { unescapeXml } from '../../shared/domain/text.ts';

/** Throws when the bytes are not a zip package. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...(p[0] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => unescapeXml(t[1] ?? ''))
        .join(''),
    )
    .join('\n');
}
