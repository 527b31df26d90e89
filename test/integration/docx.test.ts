/**
 * The council documents as the `docx` library writes them from thidua's models: a zip any reader
 * opens (CRCs checked), well-formed parts, every text the model holds in the order it holds it,
 * properties in the order the schema requires (Word is strict about it), the page and the
 * spacing NĐ 30/2020 sets.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../shared/adapters/docx/render.ts';
import { type DocumentModel, documentText } from '../../shared/present/documents.ts';
import { docxText } from '../support/docx-text.ts';

const model = (orientation: DocumentModel['orientation']): DocumentModel => ({
  name: 'to-trinh-T01',
  title: 'Tờ trình đề nghị khen thưởng <năm> 2024 & “đặc biệt”',
  orientation,
  blocks: [
    {
      kind: 'letterhead',
      governing: 'VIỆN KIỂM SÁT NHÂN DÂN TỈNH BẮC NINH',
      issuer: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      number: 'Số:      /TTr-HĐTĐKT',
      placeDate: 'Bắc Ninh, ngày …… tháng …… năm 20……',
    },
    { kind: 'title', lines: ['TỜ TRÌNH', 'Về việc đề nghị khen thưởng'], note: '(kèm danh sách)' },
    {
      kind: 'paragraph',
      runs: [
        'Căn cứ ',
        { text: 'Luật Thi đua, khen thưởng', italic: true },
        ' ngày 15/6/2022 <a & b>\u0007;',
      ],
      indent: true,
    },
    { kind: 'paragraph', runs: ['Kính gửi: Hội đồng'], align: 'center', bold: true },
    {
      kind: 'table',
      header: ['STT', 'Họ và tên', 'Điểm'],
      rows: [
        [1, 'Nguyễn Văn An', 96.5],
        [2, 'Trần Thị Bình', null],
      ],
      widths: [1, 6, 2],
      centered: [0, 2],
    },
    {
      kind: 'signatures',
      left: { kind: 'recipients', recipients: ['- Như trên;', '- Lưu: VT, HĐTĐKT.'] },
      right: {
        kind: 'signer',
        titles: ['TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'CHỦ TỊCH'],
        hint: '(Ký tên, đóng dấu)',
      },
    },
  ],
});

/** ECMA-376 sequences of the property elements the writer emits (transitional names). */
const ORDER: Record<string, string[]> = {
  'w:pPr': [
    ...['w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl'],
    ...['w:numPr', 'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens'],
    ...['w:kinsoku', 'w:wordWrap', 'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN'],
    ...['w:bidi', 'w:adjustRightInd', 'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing'],
    ...['w:mirrorIndents', 'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment'],
    ...['w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange'],
  ],
  'w:rPr': [
    ...['w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike'],
    ...['w:dstrike', 'w:outline', 'w:shadow', 'w:emboss', 'w:imprint', 'w:noProof', 'w:snapToGrid'],
    ...['w:vanish', 'w:webHidden', 'w:color', 'w:spacing', 'w:w', 'w:kern', 'w:position', 'w:sz'],
    ...['w:szCs', 'w:highlight', 'w:u', 'w:effect', 'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign'],
    ...['w:rtl', 'w:cs', 'w:em', 'w:lang', 'w:eastAsianLayout', 'w:specVanish', 'w:oMath'],
  ],
  'w:tblPr': [
    'w:tblStyle',
    'w:tblW',
    'w:jc',
    'w:tblInd',
    'w:tblBorders',
    'w:shd',
    'w:tblLayout',
    'w:tblCellMar',
  ],
  'w:tcPr': ['w:tcW', 'w:gridSpan', 'w:vMerge', 'w:tcBorders', 'w:shd', 'w:tcMar', 'w:vAlign'],
  'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'],
  'w:tcMar': ['w:top', 'w:left', 'w:bottom', 'w:right'],
  'w:tblCellMar': ['w:top', 'w:left', 'w:bottom', 'w:right'],
  'w:sectPr': [
    'w:pgSz',
    'w:pgMar',
    'w:paperSrc',
    'w:pgBorders',
    'w:lnNumType',
    'w:pgNumType',
    'w:cols',
    'w:titlePg',
    'w:docGrid',
  ],
  'w:tbl': ['w:tblPr', 'w:tblGrid', 'w:tr'],
  'w:tc': ['w:tcPr', 'w:p', 'w:tbl'],
  'w:tr': ['w:trPr', 'w:tc'],
};

/** Parses the XML (throws when it is not well-formed); per element name, its children's names. */
function children(xml: string): { name: string; kids: string[] }[] {
  const parser = new SaxesParser();
  const stack: { name: string; kids: string[] }[] = [];
  const all: { name: string; kids: string[] }[] = [];
  parser.on('opentag', (tag) => {
    stack.at(-1)?.kids.push(tag.name);
    const node = { name: tag.name, kids: [] };
    stack.push(node);
    all.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return all;
}

describe('the council documents as .docx', () => {
  it('writes a package every reader opens, each part well-formed and in the schema’s order', async () => {
    const bytes = await renderDocx(model('portrait'));
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files).filter((f) => !zip.files[f]?.dir)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/settings.xml',
        'docProps/core.xml',
      ]),
    );
    for (const name of Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f))) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      if (!xml) continue; // a part the library leaves empty
      const nodes = children(xml);
      for (const node of nodes) {
        const order = ORDER[node.name];
        if (!order) continue;
        const positions = node.kids.map((k) => order.indexOf(k));
        expect(positions, `${name} ${node.name}: ${node.kids.join(' ')}`).not.toContain(-1);
        expect(positions, `${name} ${node.name}: ${node.kids.join(' ')}`).toEqual(
          [...positions].sort((a, b) => a - b),
        );
      }
      // A cell holds at least one paragraph.
      for (const cell of nodes.filter((n) => n.name === 'w:tc')) expect(cell.kids).toContain('w:p');
    }
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('Tờ trình đề nghị khen thưởng &lt;năm&gt; 2024 &amp; “đặc biệt”');
  });

  it('holds every text of the model, in order, with Vietnamese intact and control characters left out', async () => {
    const doc = model('portrait');
    const text = await docxText(await renderDocx(doc));
    let at = 0;
    for (const piece of documentText(doc).filter(Boolean)) {
      const clean = piece.replace(String.fromCharCode(7), '');
      const found = text.indexOf(clean, at);
      expect(found, clean).toBeGreaterThanOrEqual(at);
      at = found + clean.length;
    }
    expect(text).not.toContain(String.fromCharCode(7));
  });

  it('sets the page and the spacing as Nghị định 30/2020 does, portrait or landscape', async () => {
    const xmlOf = async (orientation: DocumentModel['orientation']) =>
      (await (
        await JSZip.loadAsync(await renderDocx(model(orientation)))
      )
        .file('word/document.xml')
        ?.async('string')) ?? '';
    const portrait = await xmlOf('portrait');
    expect(portrait).toMatch(/<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
    expect(portrait).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(await xmlOf('landscape')).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(portrait).toContain('<w:tblHeader/>');
    // Body paragraphs: 6 pt before and after, single lines with their rule (the same in Word and LibreOffice).
    expect(portrait).toContain('<w:spacing w:after="60" w:before="60" w:line="240" w:lineRule="auto"/>');
    expect(portrait).not.toMatch(/w:line="\d+"(?! w:lineRule)/);
  });

  it('keeps what stands before the signature block with it: the last rows of the table and the lines between', async () => {
    const xml =
      (await (
        await JSZip.loadAsync(await renderDocx(model('portrait')))
      )
        .file('word/document.xml')
        ?.async('string')) ?? '';
    const body = xml.slice(xml.indexOf('<w:body>'));
    const tables = body.split('<w:tbl>');
    // [before the letterhead, letterhead, the list, the signatures]
    const list = tables[2] ?? '';
    const rows = list.split('<w:tr>').slice(1);
    const kept = rows.map((r) => r.includes('<w:keepNext/>'));
    expect(kept).toEqual([false, true, true]); // the header no, the two body rows yes
    // The blank line between the table and the block is kept with the block too.
    const between = list.slice(list.indexOf('</w:tbl>'));
    expect(between).toContain('<w:keepNext/>');
    // Nothing earlier is: the paragraphs between the letterhead and the list break as they fall.
    const letterhead = tables[1] ?? '';
    const before = letterhead.slice(letterhead.indexOf('</w:tbl>'));
    expect(before).toContain('Căn cứ');
    expect(before).not.toContain('<w:keepNext/>');
  });
});
