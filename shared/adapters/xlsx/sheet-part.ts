/**
 * Writes one tab into a unit's `.xlsx` package and nothing else. A unit's workbook is theirs: charts,
 * images, pivot tables, comments, conditional formats, defined names and themes that exceljs does
 * not model must survive thidua's feedback. So instead of loading and re-saving the workbook, the
 * zip is patched: the tab's own sheet part is replaced (or added), and only when it is added do
 * `workbook.xml`, its relationships and `[Content_Types].xml` gain the entries it needs. Every
 * other entry keeps its bytes (JSZip reuses an unchanged entry's compressed data as it was).
 *
 * The part is self-contained: strings inline (no shared-strings table), the default style (no
 * styles.xml change), protection and frozen header in the sheet XML itself.
 */
import JSZip from 'jszip';
import { columnLetters } from '../../domain/grid.ts';
import { unescapeXml, xmlSafe } from '../../domain/text.ts';
import type { SheetTab } from '../../present/sheet-model.ts';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The package is not a workbook we can patch (no workbook part, broken relationships). */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

const escapeXml = (text: string) =>
  xmlSafe(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : unescapeXml(match[1]);
};

/** The worksheet XML of a tab: values only, inline strings, frozen and protected as the tab says. */
export function sheetXml(tab: SheetTab): string {
  const headerRows = tab.headerRows ?? 0;
  const views =
    headerRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = tab.columnWidths?.length
    ? `<cols>${tab.columnWidths
        .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
        .join('')}</cols>`
    : '';
  // Bold without a style: an inline rich-text run (the unit's styles part stays as it was).
  const bold = new Set<string>();
  for (const range of tab.styles ?? [])
    if (range.style.bold)
      for (let r = range.fromRow; r <= range.toRow; r++)
        for (let c = range.fromCol; c <= range.toCol; c++) bold.add(`${r}:${c}`);
  const rows = tab.rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${columnLetters(c)}${r + 1}`;
          if (value === null || value === '') return '';
          if (typeof value === 'number')
            return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
          if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
          const text = `<t xml:space="preserve">${escapeXml(value)}</t>`;
          return bold.has(`${r}:${c}`)
            ? `<c r="${ref}" t="inlineStr"><is><r><rPr><b/></rPr>${text}</r></is></c>`
            : `<c r="${ref}" t="inlineStr"><is>${text}</is></c>`;
        })
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  const protection =
    (tab.protection ?? 'none') === 'none'
      ? ''
      : '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>';
  // Printed landscape, one page wide: the messages are long, and the tab is often printed.
  const print =
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows}</sheetData>${protection}${print}</worksheet>`;
}

/** `xl/workbook.xml` + a relative target → the part's path in the zip. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new PackageError(`missing part ${path}`);
  return file.async('string');
}

/**
 * Returns the package with `tab` written as the sheet titled `tab.title` (found by exact title,
 * as Excel compares them), every other entry as it was.
 */
export async function patchSheet(bytes: Uint8Array, tab: SheetTab): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const rootRels = await text(zip, '_rels/.rels');
  const officeDocument = [...rootRels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attribute(tag, 'Type')?.endsWith('/officeDocument'));
  const workbookPart = resolvePart('', attribute(officeDocument ?? '', 'Target') ?? 'xl/workbook.xml');
  const workbookXml = await text(zip, workbookPart);
  const workbookRelsPath = relsOf(workbookPart);
  const workbookRels = await text(zip, workbookRelsPath);
  const relationships = [...workbookRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  const relIdOf = (tag: string) => /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1];

  const existing = sheets.find((tag) => attribute(tag, 'name') === tab.title);
  const xml = sheetXml(tab);
  if (existing) {
    const rel = relationships.find((r) => attribute(r, 'Id') === relIdOf(existing));
    const target = rel && attribute(rel, 'Target');
    if (!target) throw new PackageError(`sheet ${tab.title} has no part`);
    const part = resolvePart(workbookPart, target);
    zip.file(part, xml);
    // The part we replace may have had its own relationships (notes); ours has none.
    zip.remove(relsOf(part));
  } else {
    const ids = new Set(relationships.map((r) => attribute(r, 'Id')));
    let n = relationships.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    let index = sheets.length + 1;
    const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
    while (zip.file(`${folder}worksheets/sheet${index}.xml`)) index++;
    const part = `${folder}worksheets/sheet${index}.xml`;
    const sheetId = Math.max(0, ...sheets.map((tag) => Number(attribute(tag, 'sheetId') ?? 0))) + 1;
    const sheetTag = `<sheet name="${escapeXml(tab.title)}" sheetId="${sheetId}" r:id="${relId}"/>`;
    const prefix =
      /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        workbookXml,
      )?.[1];
    const withNs = prefix
      ? sheetTag.replace(' r:id=', ` ${prefix}:id=`)
      : sheetTag.replace(' r:id=', ` xmlns:r="${REL_NS}" r:id=`);
    const patched = /<sheets\s*\/>/.test(workbookXml)
      ? workbookXml.replace(/<sheets\s*\/>/, `<sheets>${withNs}</sheets>`)
      : workbookXml.replace('</sheets>', `${withNs}</sheets>`);
    if (patched === workbookXml) throw new PackageError('workbook.xml has no <sheets>');
    zip.file(workbookPart, patched);
    zip.file(
      workbookRelsPath,
      workbookRels.replace(
        '</Relationships>',
        `<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${part.slice(folder.length)}"/></Relationships>`,
      ),
    );
    const types = await text(zip, '[Content_Types].xml');
    zip.file(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`),
    );
    zip.file(part, xml);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
