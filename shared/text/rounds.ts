/** Eligibility reasons and the mid-term / final round workbooks. */
import type { ChainStop, ConditionDetail, Eligibility } from '../domain/eligibility.ts';
import { formatDate } from '../domain/text.ts';
import { quoted, ROUND_KIND_LABEL, yearLabel } from './common.ts';

export const ELIGIBILITY_TEXT = {
  met: 'Đạt',
  missed: 'Chưa đạt',
  unknown: 'Cần kiểm tra',
  noRule: (date: string) =>
    `Hệ thống chưa có quy định áp dụng tại ngày ${date}; Hội đồng đối chiếu văn bản hiện hành.`,
  pending: (what: string) => `${what}: chưa xét khen thưởng.`,
  holds: (award: string, year: string) => `${award} năm thi đua ${year}.`,
  holdsNone: (awards: string) => `Chưa có ${awards} (khen thưởng chuyên đề không tính).`,
  years: (count: number, from: string, to: string) =>
    count ? `${count} năm liên tục (${from} đến ${to}).` : 'Không có năm nào liên tục đạt yêu cầu.',
  missingYear: (year: string) => `Thiếu kết quả năm thi đua ${year}.`,
  brokenBy: (year: string, reason: string) => `Chuỗi bị ngắt ở năm thi đua ${year} (${reason}).`,
  disciplined: 'bị kỷ luật',
  rating: (label: string) => `xếp loại ${label}`,
  count: (count: number, needed: number) => `${count}/${needed} lần trong các năm được tính.`,
  noData: {
    initiatives:
      'Chưa có dữ liệu sáng kiến: ghi các sáng kiến được công nhận vào trang “Sáng kiến” của tệp lịch sử khen thưởng.',
  },
  run: (years: number, needed: number, initiatives: number, neededInitiatives: number) =>
    `${years}/${needed} năm liên tục đạt mức xếp loại yêu cầu; ${initiatives}/${neededInitiatives} sáng kiến được công nhận trong các năm đó.`,
  movementYears: (from: number, to: number, needed: number) =>
    `Phong trào thực hiện từ năm ${from} đến năm ${to} (${to - from} năm; cần từ ${needed} năm).`,
  noDiscipline: 'Không bị kỷ luật trong các năm của đợt.',
  disciplinedIn: (years: string) => `Bị kỷ luật trong năm thi đua ${years}.`,
  anyOf: 'Ít nhất một trong các điều kiện sau',
} as const;

const stopText = (stop: ChainStop) =>
  stop.kind === 'missingYear'
    ? ELIGIBILITY_TEXT.missingYear(yearLabel(stop.year))
    : ELIGIBILITY_TEXT.brokenBy(
        yearLabel(stop.year),
        stop.kind === 'disciplined' ? ELIGIBILITY_TEXT.disciplined : ELIGIBILITY_TEXT.rating(stop.rating),
      );

/** What was found for one condition, as the council reads it. */
export function conditionText(detail: ConditionDetail): string {
  switch (detail.kind) {
    case 'holdsNone':
      return ELIGIBILITY_TEXT.holdsNone(detail.awards.join(', '));
    case 'holds':
      return ELIGIBILITY_TEXT.holds(detail.award, yearLabel(detail.year));
    case 'years': {
      const years = ELIGIBILITY_TEXT.years(detail.count, yearLabel(detail.from), yearLabel(detail.to));
      return detail.stop ? `${years} ${stopText(detail.stop)}` : years;
    }
    case 'count':
      return ELIGIBILITY_TEXT.count(detail.count, detail.needed);
    case 'noData':
      return ELIGIBILITY_TEXT.noData[detail.data];
    case 'run':
      return ELIGIBILITY_TEXT.run(detail.years, detail.needed, detail.initiatives, detail.neededInitiatives);
    case 'movementYears':
      return ELIGIBILITY_TEXT.movementYears(detail.from, detail.to, detail.needed);
    case 'disciplined':
      return detail.years.length
        ? ELIGIBILITY_TEXT.disciplinedIn(detail.years.map((y) => yearLabel(y)).join(', '))
        : ELIGIBILITY_TEXT.noDiscipline;
    case 'manual':
      return ELIGIBILITY_TEXT.unknown;
    case 'anyOf':
      return detail.options
        .map(
          (o) =>
            `${o.label}: ${ELIGIBILITY_TEXT[o.state]}${o.state === 'met' || o.detail.kind === 'manual' ? '' : ` (${conditionText(o.detail).replace(/\.$/, '')})`}`,
        )
        .join('; ');
  }
}

/** Why a candidate is not eligible for a form, or what to check, in one sentence. */
export function eligibilitySummary(e: Eligibility): string {
  if (e.block?.kind === 'pending') return ELIGIBILITY_TEXT.pending(e.block.what.join('; '));
  if (e.block?.kind === 'noRule') return ELIGIBILITY_TEXT.noRule(formatDate(e.block.reviewDate));
  return e.conditions
    .filter((c) => c.state === 'missed')
    .concat(e.conditions.filter((c) => c.state === 'unknown'))
    .map((c) => `${c.label}: ${conditionText(c.detail)}`)
    .join(' ');
}

export const ROUND_TEXT = {
  kinds: { annual: 'hằng năm', midterm: 'sơ kết', final: 'tổng kết' } as Record<string, string>,
  title: (kind: string) => `ĐỀ NGHỊ KHEN THƯỞNG ${kind.toLocaleUpperCase('vi')} PHONG TRÀO THI ĐUA`,
  listTitle: (collective: boolean) =>
    `DANH SÁCH ${collective ? 'TẬP THỂ' : 'CÁ NHÂN'} XÉT ĐỀ NGHỊ KHEN THƯỞNG THEO KẾT QUẢ PHONG TRÀO`,
  reviewDate: 'Quy định áp dụng tại ngày',
  ranking: 'Cách xếp hạng',
  selection: 'Số lượng đề xuất',
  noSelection: 'Tệp phong trào không đặt số lượng: mọi ứng viên được xếp hạng, Hội đồng lựa chọn.',
  listLine: (candidates: number, ranked: number, proposed: number, arithmetic: string) =>
    `${candidates} ứng viên, ${ranked} được xếp hạng, đề xuất ${proposed}${arithmetic ? ` (${arithmetic})` : ''}.`,
  formsHeader: [
    'Đối tượng',
    'Hình thức khen thưởng',
    'Số đề nghị',
    'Tỷ lệ trên tổng số (%)',
    'Đủ các điều kiện đã biết',
    'Còn điều kiện cần kiểm tra',
  ],
  tab: 'Cá nhân',
  collectiveTab: 'Tập thể',
  header: [
    'Hạng',
    'Mã cán bộ',
    'Họ và tên',
    'Đơn vị (năm gần nhất)',
    'Tỷ lệ bình quân (%)',
    'Số năm có kết quả',
    'Đề xuất',
    'Hình thức đề xuất',
  ],
  collectiveHeader: [
    'Hạng',
    'Mã đơn vị',
    'Tên tập thể',
    'Tỷ lệ bình quân (%)',
    'Số năm có kết quả',
    'Đề xuất',
    'Hình thức đề xuất',
  ],
  formColumn: (form: string) => `Điều kiện: ${form}`,
  choiceHeader: 'Hội đồng chọn hình thức',
  workbookTitle: (kind: string, from: number, to: number, council: string, code: string) =>
    `Đề nghị khen thưởng ${ROUND_KIND_LABEL[kind] ?? kind} ${from}–${to + 1} — ${council} (${code})`,
  noForm: 'Không đề nghị',
  listed: 'Trong danh sách — Hội đồng lựa chọn',
  choiceNote:
    'Hội đồng chọn cho mỗi ứng viên một hình thức (hoặc “Không đề nghị”) ở cột “Hội đồng chọn hình thức”; để trống thì dùng hình thức thidua gợi ý cho người trong số đề xuất. Mỗi người, mỗi tập thể chỉ được đề nghị một hình thức cho một thành tích (Luật Thi đua, khen thưởng 2022, Điều 5). Lần chạy sau đọc lại lựa chọn này và giữ nguyên.',
  badChoice: (value: string, forms: readonly string[]) =>
    `“${quoted(value)}” không phải hình thức của đợt này (${[...forms, 'Không đề nghị'].join('; ')}); lựa chọn này chưa được dùng.`,
  missing: 'không có',
  proposed: 'Đề nghị',
  tied: 'Đồng điểm tại ngưỡng — Hội đồng quyết định',
  allMet: 'Đạt các điều kiện đã biết',
  someMissed: 'Chưa đạt',
  toCheck: 'Cần kiểm tra',
  source: 'Căn cứ',
  standard: 'Tiêu chuẩn khen thưởng theo phong trào',
  reference: 'Thông tin tham khảo — khen thưởng theo công trạng (không dùng để chọn hình thức)',
  unverified: 'chưa kiểm chứng văn bản',
  stepDown: {
    tie: (form: string) => `đồng hạng tại ngưỡng ${form}: Hội đồng quyết định`,
    sectorLimit: (form: string) => `vượt giới hạn toàn Ngành của ${form}`,
    standard: (form: string) => `chưa đạt tiêu chuẩn ${form}`,
  },
  tiers: 'Hình thức theo thứ hạng',
  tierPart: (form: string, size: string) => `${form}: ${size}`,
  tierShare: (n: number, d: number, atLeastOne: boolean) =>
    `${n}/${d} danh sách đề nghị${atLeastOne ? ' (tối thiểu 1)' : ''}`,
  tierCount: (n: number) => `${n} người (tập thể) đầu danh sách`,
  tierRest: 'phần còn lại',
  tierLimit: (n: number) => `, toàn Ngành không quá ${n}`,
  noTiers:
    'Tệp phong trào không chia hình thức theo thứ hạng: mọi người được đề xuất hình thức đầu tiên của đợt.',
  noRule: 'Hệ thống chưa có quy định áp dụng; Hội đồng đối chiếu văn bản hiện hành',
} as const;
