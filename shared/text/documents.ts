/** The wording of the council documents (Tờ trình, Danh sách đề nghị, Biên bản họp). */
import { yearLabel } from './common.ts';

/** Words of the documents a council prints and signs (Nghị định 30/2020/NĐ-CP layout). */
export const DOCUMENT_TEXT = {
  councilShort: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
  /** The kinds of body a unit's name starts with: a letterhead puts the rest (its place) on a line of its own. */
  bodyKinds: ['VIỆN KIỂM SÁT NHÂN DÂN', 'VIỆN KIỂM SÁT QUÂN SỰ'],
  council: (unit: string) => `Hội đồng Thi đua - Khen thưởng ${unit}`,
  councilUpper: (unit: string) => `HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG ${unit.toLocaleUpperCase('vi')}`,
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  placeDate: '……………, ngày …… tháng …… năm 20……',
  preparer: 'NGƯỜI LẬP BIỂU',
  onBehalf: 'TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
  chair: 'CHỦ TỊCH',
  signHint: '(Ký, ghi rõ họ tên)',
  signSealHint: '(Ký tên, đóng dấu)',
  nameLine: '……………………………………',
  pageFooter: 'Trang {page}/{pages}',
  nothing: '(không có)',
  year: (year: number) => `Năm thi đua ${yearLabel(year)}`,
  roundYears: (kind: string, from: number, to: number) =>
    `${kind.charAt(0).toLocaleUpperCase('vi')}${kind.slice(1)} phong trào — các năm thi đua ${yearLabel(from)} đến ${yearLabel(to)}`,
} as const;

const SUPREME = 'Viện kiểm sát nhân dân tối cao';

/**
 * The body whose council a registry's top unit proposes to, by the top unit's level (“Cấp”), when
 * the registry has no row above it — an office that runs thidua for its own councils alone. The
 * plan's levels (Kế hoạch 123/KH-VKSTC, III: a council at each level; the sector's council at the
 * VKSNDTC): a province, a high-level procuracy, a VKSNDTC department and the central military
 * procuracy propose to the VKSNDTC's council; a military-zone procuracy to the central military
 * procuracy's. `null`: the top of the sector, whose council proposes to its own Viện trưởng. A
 * level whose body above the registry cannot name (a regional procuracy: which province?) is left
 * for the office to write in. Matched as the registry's dropdown writes them (REGISTRY_LEVELS).
 */
export const BODY_ABOVE: Readonly<Record<string, string | null>> = {
  'Trung ương': null,
  'Đơn vị thuộc VKSNDTC': SUPREME,
  'Cấp cao': SUPREME,
  Tỉnh: SUPREME,
  'Quân sự': SUPREME,
  'Quân sự quân khu': 'Viện kiểm sát quân sự trung ương',
  'Đơn vị thuộc cấp cao': '……………………………………',
  'Quân sự khu vực': '……………………………………',
  'Đơn vị thuộc tỉnh': '……………………………………',
  'Khu vực': '……………………………………',
};

/** The council's official documents: Tờ trình, Danh sách, Biên bản (Nghị định 30/2020/NĐ-CP). */
export const DOCUMENTS = {
  number: (kind: 'TTr' | 'BB') => `Số:          /${kind}-HĐTĐKT`,
  head: (unit: string) => `Viện trưởng ${unit}`,
  to: 'Kính gửi: ',
  submissionTitle: 'TỜ TRÌNH',
  submissionAbout: (year: number) => `Về việc đề nghị khen thưởng năm thi đua ${yearLabel(year)}`,
  submissionName: (council: string, year: number) =>
    `Tờ trình đề nghị khen thưởng năm thi đua ${yearLabel(year)} — ${council}`,
  basis: (text: string) => `Căn cứ ${text};`,
  planBasis: (number: string, date: string, issuer: string, movement: string) =>
    `Căn cứ Kế hoạch số ${number.replace(/^(Kế hoạch|KH)\s*/i, '')} ngày ${date} của ${issuer} về phong trào thi đua “${movement}”;`,
  resultBasis: (year: number, council: string) =>
    `Căn cứ kết quả chấm điểm thi đua năm thi đua ${yearLabel(year)} của các đơn vị và kết quả họp xét của ${council},`,
  propose: (council: string, recipient: string, year: number, movement: string) =>
    `${council} kính đề nghị ${recipient} xem xét, khen thưởng cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua “${movement}” năm thi đua ${yearLabel(year)} (có danh sách kèm theo), cụ thể:`,
  proposeLine: (form: string, who: string) => `- ${form}: ${who}.`,
  proposeNone: '- Năm thi đua này Hội đồng không có tập thể, cá nhân được đề nghị.',
  collectives: (n: number) => `${n} tập thể`,
  people: (n: number) => `${n} cá nhân`,
  noForm: 'Hình thức khen thưởng theo quy định',
  withinQuota: (source: string) =>
    `Số lượng đề nghị không vượt quá tỷ lệ quy định${source ? ` tại ${source}` : ''}:`,
  collectiveQuota: (base: number, arithmetic: string, rounding: string, quota: number) =>
    `- Tập thể: ${base} tập thể thuộc Hội đồng; ${arithmetic} (${rounding}); số lượng được đề nghị tối đa ${quota}.`,
  individualQuota: (base: number, arithmetic: string, rounding: string, quota: number) =>
    `- Cá nhân: tổng số cán bộ, công chức, viên chức, người lao động đang công tác ${base}; ${arithmetic} (${rounding}); số lượng được đề nghị tối đa ${quota}.`,
  closing: (recipient: string) => `Kính đề nghị ${recipient} xem xét, quyết định./.`,
  asAbove: '- Như trên;',
  archive: '- Lưu: VT, HĐTĐKT.',
  listTitle: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
  listName: (council: string, year: number) =>
    `Danh sách đề nghị khen thưởng năm thi đua ${yearLabel(year)} — ${council}`,
  attachedTo: (council: string) =>
    `(Kèm theo Tờ trình số          /TTr-HĐTĐKT ngày …… tháng …… năm 20…… của ${council})`,
  collectivesPart: (n: number) => `I. TẬP THỂ (${n})`,
  peoplePart: (n: number) => `II. CÁ NHÂN (${n})`,
  collectiveHeader: ['STT', 'Tên tập thể', 'Điểm', 'Tỷ lệ (%)', 'Hình thức khen thưởng'],
  personHeader: ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Điểm', 'Tỷ lệ (%)', 'Hình thức khen thưởng'],
  listTotal: (collectives: number, people: number) =>
    `Danh sách có ${collectives} tập thể và ${people} cá nhân.`,
  minutesTitle: 'BIÊN BẢN',
  minutesAbout: (council: string, year: number) =>
    `Họp ${council} xét đề nghị khen thưởng năm thi đua ${yearLabel(year)}`,
  minutesName: (council: string, year: number) =>
    `Biên bản họp Hội đồng xét đề nghị khen thưởng năm thi đua ${yearLabel(year)} — ${council}`,
  time: 'Thời gian: …… giờ …… ngày …… tháng …… năm 20……',
  place: 'Địa điểm: ………………………………………………………………',
  attendance: 'I. THÀNH PHẦN',
  chairLine: 'Chủ trì: ……………………………………, Chủ tịch Hội đồng.',
  secretaryLine: 'Thư ký: ………………………………………',
  membersLine:
    'Thành viên Hội đồng có mặt: ……/…… thành viên (ký tên dưới đây); vắng mặt: …… (lý do: ……………………).',
  memberHeader: ['STT', 'Họ và tên', 'Chức vụ', 'Chức danh trong Hội đồng', 'Ký tên'],
  content: 'II. NỘI DUNG',
  quotaHeading: (source: string) =>
    `1. Số lượng được đề nghị theo tỷ lệ quy định${source ? ` (${source})` : ''}`,
  rankingHeading: '2. Kết quả chấm điểm, xếp hạng',
  rankingLine: (label: string, ranked: number, ineligible: number) =>
    `- ${label}: ${ranked} được xếp hạng; ${ineligible} không đủ điều kiện xét (lý do nêu trong bảng đề nghị).`,
  noTie: (label: string) => `- ${label}: không có trường hợp đồng điểm tại ngưỡng.`,
  tieDecided: (label: string, tied: number, chosen: number) =>
    `- ${label}: ${tied} trường hợp đồng điểm tại ngưỡng; Hội đồng đã chọn ${chosen}.`,
  tieOpen: (label: string, tied: number, places: number) =>
    `- ${label}: ${tied} trường hợp đồng điểm tại ngưỡng, còn được đề nghị ${places}; Hội đồng thảo luận, biểu quyết chọn.`,
  unread: (units: string) => `- Đơn vị chưa có bảng điểm được tiếp nhận (cán bộ chưa được xét): ${units}.`,
  allRead: '- Bảng điểm của tất cả các đơn vị thuộc Hội đồng đã được tiếp nhận.',
  voteHeading: (forms: string) => `3. Danh sách đề nghị${forms ? ` ${forms}` : ''} và kết quả biểu quyết`,
  voteHeader: ['STT', 'Tập thể, cá nhân', 'Đơn vị', 'Tỷ lệ điểm (%)', 'Số phiếu đồng ý', 'Tỷ lệ phiếu (%)'],
  conclusion: (collectives: number, people: number) =>
    `4. Kết luận: Hội đồng thống nhất đề nghị khen thưởng ${collectives} tập thể và ${people} cá nhân theo danh sách trên.`,
  end: 'Cuộc họp kết thúc vào hồi …… giờ …… cùng ngày. Biên bản đã được đọc lại và thông qua tại cuộc họp.',
  secretary: 'THƯ KÝ',
  presiding: 'CHỦ TRÌ',
} as const;
