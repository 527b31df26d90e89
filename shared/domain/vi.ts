/**
 * Every piece of user-facing Vietnamese text: tab titles, column headers, messages. Code elsewhere
 * refers to these by name, so wording changes happen here only.
 */

export const TABS = {
  info: 'Thông tin',
  collective: 'Tập thể',
  individuals: 'Cá nhân',
  feedback: 'Kiểm tra dữ liệu',
  lists: 'Danh mục',
  registry: 'Đơn vị',
} as const;

export const INFO_LABELS = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  year: 'Năm thi đua',
  filledBy: 'Người lập biểu',
  phone: 'Điện thoại liên hệ',
} as const;

export const COLLECTIVE_HEADERS = {
  code: 'Mã tiêu chí',
  title: 'Nội dung tiêu chí',
  max: 'Điểm tối đa',
  self: 'Điểm tự chấm',
  reviewed: 'Điểm thẩm định',
  evidence: 'Minh chứng, ghi chú',
} as const;

export const INDIVIDUAL_HEADERS = {
  order: 'STT',
  staffId: 'Mã cán bộ',
  name: 'Họ và tên',
  position: 'Chức vụ',
  leader: 'Lãnh đạo, quản lý',
  gender: 'Giới tính',
  rating: 'Xếp loại',
  discipline: 'Kỷ luật trong kỳ',
  total: 'Tổng điểm',
  note: 'Ghi chú',
} as const;

export const REGISTRY_HEADERS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  parent: 'Mã đơn vị cấp trên',
  level: 'Cấp',
  cluster: 'Cụm, khối thi đua',
  council: 'Có Hội đồng TĐKT',
  workbook: 'Bảng điểm',
  headcount: 'Số biên chế',
} as const;

export const YES = 'Có';
export const NO = 'Không';
export const GENDERS = ['Nam', 'Nữ'] as const;
export const VETO_ANSWERS = [NO, YES] as const;

const yearLabel = (year: number) => `${year}–${year + 1}`;
export { yearLabel };

export const MESSAGES = {
  TAB_MISSING: (tab: string) => `Không tìm thấy trang “${tab}”. Xin dùng đúng mẫu do hệ thống tạo.`,
  HEADER_MISSING: (header: string) =>
    `Không tìm thấy cột “${header}” ở dòng tiêu đề. Xin không xóa hoặc đổi tên dòng tiêu đề.`,
  HEADER_DUPLICATE: (header: string) => `Cột “${header}” xuất hiện hai lần ở dòng tiêu đề.`,
  UNIT_CODE_MISSING: () => 'Chưa ghi mã đơn vị.',
  UNIT_CODE_MISMATCH: (claimed: string, expected: string) =>
    `Bảng điểm ghi mã đơn vị “${claimed}”, nhưng theo Danh mục đơn vị đây là bảng điểm của đơn vị “${expected}”.`,
  YEAR_MISSING: () => 'Chưa ghi năm thi đua (ví dụ: 2024–2025).',
  YEAR_INVALID: (value: string) => `Năm thi đua “${value}” không hợp lệ. Xin ghi theo dạng 2024–2025.`,
  YEAR_MISMATCH: (found: string, expected: string) =>
    `Bảng điểm của năm thi đua ${found}, nhưng đợt đang tổng hợp là năm thi đua ${expected}.`,
  NOT_A_NUMBER: (value: string) => `“${value}” không phải là số. Xin nhập số, ví dụ 8,5.`,
  TOO_MANY_DECIMALS: (value: string) => `“${value}” có quá hai chữ số thập phân.`,
  OUT_OF_RANGE: (value: string, max: string) => `Điểm ${value} nằm ngoài khoảng cho phép (từ 0 đến ${max}).`,
  REQUIRED: (what: string) => `Chưa nhập ${what}.`,
  INVALID_CHOICE: (value: string, choices: readonly string[]) =>
    `“${value}” không có trong danh sách chọn (${choices.join('; ')}).`,
  ERROR_VALUE: (value: string) => `Ô có lỗi công thức (${value}).`,
  DUPLICATE_PERSON: (staffId: string, firstCell: string) =>
    `Mã cán bộ ${staffId} đã có ở ${firstCell}; mỗi người chỉ được ghi một lần.`,
  CRITERION_ROW_MISSING: (code: string) => `Thiếu dòng tiêu chí ${code}.`,
  CRITERION_ROW_DUPLICATE: (code: string) => `Tiêu chí ${code} được ghi hai lần.`,
  CRITERION_UNKNOWN: (code: string) => `Mã tiêu chí “${code}” không có trong bộ tiêu chí năm này; dòng này được bỏ qua.`,
  LEADER_ONLY_SCORE: (code: string) =>
    `Tiêu chí ${code} chỉ áp dụng cho lãnh đạo, quản lý; điểm của người không giữ chức vụ lãnh đạo được bỏ qua.`,
  TOTAL_MISMATCH: (typed: string, computed: string) =>
    `Tổng điểm ghi ${typed}, nhưng cộng các tiêu chí được ${computed}; hệ thống dùng tổng tự tính.`,
  NO_PEOPLE: () => 'Chưa có cán bộ nào trong danh sách.',
  WORKBOOK_MISSING: (where: string) => `Không tìm thấy bảng điểm (${where}).`,
  WORKBOOK_UNREADABLE: (detail: string) => `Không đọc được bảng điểm: ${detail}.`,
  REGISTRY_INVALID: (detail: string) => `Danh mục đơn vị: ${detail}`,
} as const;

/** Names for the things a message says are missing. */
export const WHAT = {
  staffId: 'mã cán bộ',
  name: 'họ và tên',
  rating: 'xếp loại',
  leader: 'ô “Lãnh đạo, quản lý” (Có/Không)',
  discipline: 'ô “Kỷ luật trong kỳ” (chọn “Không” nếu không bị kỷ luật)',
  score: (code: string) => `điểm tiêu chí ${code}`,
  veto: (code: string) => `câu trả lời cho tiêu chí ${code} (Có/Không)`,
} as const;

export const STATUS_LABELS = {
  accepted: 'Đã tiếp nhận',
  unchanged: 'Đã tiếp nhận (không thay đổi so với lần trước)',
  rejected: 'Chưa tiếp nhận — có lỗi cần sửa',
  missing: 'Chưa có bảng điểm',
} as const;

export const REASONS = {
  NO_SUBMISSION: () => 'Đơn vị chưa có bảng điểm được tiếp nhận.',
  VETO: (code: string, title: string) => `Vi phạm tiêu chí điểm liệt ${code}: ${title}.`,
  DISCIPLINE: (label: string) => `Bị kỷ luật trong kỳ (${label}).`,
  RATING_BELOW: (rating: string, minimum: string) => `Xếp loại “${rating}”, thấp hơn mức tối thiểu “${minimum}”.`,
  QUOTA_ZERO: (arithmetic: string) => `Chỉ tiêu của Hội đồng bằng 0 (${arithmetic}); không có suất đề nghị.`,
  BELOW_LINE: (rank: number, quota: number) => `Xếp hạng ${rank}, ngoài chỉ tiêu (${quota} suất).`,
  NO_POLICY: (year: string) => `Chưa có chính sách áp dụng cho năm thi đua ${year}.`,
} as const;

export const PROPOSAL_LABELS = {
  summaryTab: 'Tổng hợp',
  collectivesTab: 'Tập thể đề nghị',
  individualsTab: 'Cá nhân đề nghị',
  tiedTab: 'Đồng điểm tại ngưỡng',
  notProposedTab: 'Không đề nghị',
  tiedNote: 'Đồng điểm tại ngưỡng chỉ tiêu — Hội đồng quyết định',
  quotaZero: 'Chỉ tiêu bằng 0: Hội đồng không có suất đề nghị theo tỷ lệ quy định.',
} as const;
