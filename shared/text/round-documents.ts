/** The wording of a round's documents: the Tờ trình, the Danh sách and each nominee's achievement report. */
import { yearLabel } from './common.ts';

const upperFirst = (s: string) => `${s.charAt(0).toLocaleUpperCase('vi')}${s.slice(1)}`;

export const ROUND_DOCUMENTS = {
  roundName: (kind: string, movement: string, from: number, to: number) =>
    `${kind} phong trào thi đua “${movement}” (các năm thi đua ${yearLabel(from)} đến ${yearLabel(to)})`,
  submissionAbout: (kind: string) => `Về việc đề nghị khen thưởng ${kind} phong trào thi đua`,
  submissionName: (kind: string, council: string) => `Tờ trình đề nghị khen thưởng ${kind} — ${council}`,
  resultBasis: (kind: string, council: string) =>
    `Căn cứ kết quả thực hiện phong trào thi đua của các tập thể, cá nhân qua các năm và kết quả họp xét ${kind} của ${council},`,
  propose: (council: string, recipient: string, round: string) =>
    `${council} kính đề nghị ${recipient} xem xét, khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc tiêu biểu trong ${round} (có danh sách và báo cáo thành tích kèm theo), cụ thể:`,
  proposeLine: (form: string, collectives: number, people: number) =>
    `- ${form}: ${[collectives ? `${collectives} tập thể` : '', people ? `${people} cá nhân` : ''].filter(Boolean).join(', ')}.`,
  proposeNone: '- Hội đồng không có tập thể, cá nhân được đề nghị trong đợt này.',
  choiceNote:
    'Mỗi tập thể, cá nhân được đề nghị một hình thức (Luật Thi đua, khen thưởng 2022, Điều 5); hình thức theo thứ hạng trong danh sách của Hội đồng và lựa chọn của Hội đồng.',
  listName: (kind: string, council: string) => `Danh sách đề nghị khen thưởng ${kind} — ${council}`,
  listYears: (from: number, to: number) => `Các năm thi đua ${yearLabel(from)} đến ${yearLabel(to)}`,
  formPart: (index: number, form: string, total: number) =>
    `${ROMAN[index] ?? index + 1}. ${form.toLocaleUpperCase('vi')} (${total})`,
  collectives: (n: number) => `Tập thể (${n})`,
  people: (n: number) => `Cá nhân (${n})`,
  collectiveHeader: ['STT', 'Tên tập thể', 'Hạng', 'Tỷ lệ bình quân (%)', 'Số năm có kết quả'],
  personHeader: ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Hạng', 'Tỷ lệ bình quân (%)', 'Số năm có kết quả'],
  listTotal: (collectives: number, people: number) =>
    `Danh sách có ${collectives} tập thể và ${people} cá nhân.`,

  // The achievement report (báo cáo thành tích) of one nominee, for an award at a movement's review.
  reportName: (name: string, form: string) => `Báo cáo thành tích — ${name} — ${form}`,
  reportTitle: 'BÁO CÁO THÀNH TÍCH',
  reportProposed: (form: string) => `ĐỀ NGHỊ TẶNG ${form.toLocaleUpperCase('vi')}`,
  reportAbout: (movement: string, from: number, to: number) =>
    `(Thành tích trong phong trào thi đua “${movement}” giai đoạn ${from}–${to + 1})`,
  listSubtitle: (kind: string) => `${kind.toLocaleUpperCase('vi')} PHONG TRÀO THI ĐUA`,
  templateNote:
    'Dự thảo do thidua điền sẵn theo mẫu báo cáo thành tích đề nghị khen thưởng theo đợt, chuyên đề (phụ lục mẫu văn bản kèm theo Nghị định hướng dẫn Luật Thi đua, khen thưởng; bố cục chưa đối chiếu bản gốc). Người được đề nghị bổ sung phần còn để trống.',
  whoPerson: (name: string, position: string, unit: string) =>
    `Họ và tên: ${name}${position ? `; chức vụ: ${position}` : ''}; đơn vị: ${unit}.`,
  whoCollective: (name: string, above: string) => `Tên tập thể: ${name}${above ? ` (thuộc ${above})` : ''}.`,
  part1Person: 'I. SƠ LƯỢC LÝ LỊCH',
  part1Collective: 'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH',
  identity: (label: string, value: string) => `- ${label}: ${value}`,
  labels: {
    name: 'Họ và tên',
    staffId: 'Mã cán bộ',
    gender: 'Giới tính',
    birth: 'Ngày, tháng, năm sinh',
    home: 'Quê quán',
    position: 'Chức vụ, chức danh',
    unit: 'Đơn vị công tác',
    education: 'Trình độ chuyên môn, nghiệp vụ; lý luận chính trị',
    unitCode: 'Mã đơn vị',
    situation: 'Đặc điểm, tình hình, chức năng, nhiệm vụ được giao',
    headcount: 'Tổng số cán bộ, công chức, viên chức, người lao động',
  },
  blank: '……………………………………………………………………………',
  part2: 'II. THÀNH TÍCH ĐẠT ĐƯỢC',
  results: (from: number, to: number) =>
    `1. Kết quả thực hiện phong trào thi đua (các năm thi đua ${yearLabel(from)} đến ${yearLabel(to)}, theo bảng điểm được tiếp nhận):`,
  resultsHeader: ['Năm thi đua', 'Xếp loại', 'Điểm đạt / điểm tối đa', 'Tỷ lệ (%)'],
  collectiveResultsHeader: ['Năm thi đua', 'Điểm đạt / điểm tối đa', 'Tỷ lệ (%)'],
  noResult: 'không có kết quả (năm này không được tính)',
  summary: (share: string, rank: string, council: string) =>
    `Tỷ lệ điểm bình quân các năm có kết quả: ${share}%; xếp hạng ${rank} trong danh sách xét của ${council}.`,
  initiatives: '2. Sáng kiến được công nhận:',
  initiativesHeader: ['Năm thi đua', 'Tên sáng kiến', 'Cấp công nhận', 'Số, ngày quyết định'],
  noInitiatives: '(Lịch sử khen thưởng không ghi sáng kiến nào.)',
  noHistoryFile:
    '(Chưa có tệp Lịch sử khen thưởng: người báo cáo tự ghi các sáng kiến được công nhận, nếu có.)',
  noInitiativeData:
    '(Tệp Lịch sử khen thưởng chưa có trang “Sáng kiến”: người báo cáo tự ghi các sáng kiến, nếu có.)',
  narrative: (n: number) =>
    `${n}. Thành tích cụ thể, biện pháp và nguyên nhân đạt được (người được đề nghị viết):`,
  part3: 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
  awardsHeader: [
    'Năm thi đua',
    'Danh hiệu, hình thức khen thưởng',
    'Loại khen thưởng',
    'Số, ngày quyết định',
  ],
  noAwards: '(Lịch sử khen thưởng không ghi hình thức nào.)',
  decision: (number: string, date: string) => [number, date].filter(Boolean).join(', ngày ') || '…',
  headConfirms: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ',
  reporter: 'NGƯỜI BÁO CÁO THÀNH TÍCH',
  collectiveHead: 'THỦ TRƯỞNG ĐƠN VỊ',
  aboveConfirms: 'XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG',
  upperFirst,
} as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
