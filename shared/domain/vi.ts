/**
 * Every piece of user-facing Vietnamese text: tab titles, column headers, messages. Code elsewhere
 * refers to these by name, so wording changes happen here only.
 */

export const HISTORY_HEADERS = {
  subject: 'Đối tượng',
  id: 'Mã',
  name: 'Họ tên, tên đơn vị',
  year: 'Năm thi đua',
  award: 'Hình thức khen thưởng',
  kind: 'Loại khen thưởng',
  decision: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
} as const;

/** Details of history problems (each wrapped by MESSAGES.HISTORY_INVALID). */
export const HISTORY_MESSAGES = {
  noTab: (tab: string) => `không có trang “${tab}”.`,
  noHeader: () => 'không tìm thấy dòng tiêu đề.',
  noId: () => 'dòng không có mã cán bộ hoặc mã đơn vị.',
  badYear: (value: string) => `năm thi đua “${value}” không hợp lệ (ví dụ: 2023–2024).`,
  unknownAward: (value: string) => `hình thức “${value}” không có trong danh mục khen thưởng của phong trào.`,
} as const;

export const HISTORY_CHOICES = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  merit: 'Theo thành tích',
  thematic: 'Chuyên đề, đột xuất',
} as const;

export const TABS = {
  info: 'Thông tin',
  collective: 'Tập thể',
  individuals: 'Cá nhân',
  feedback: 'Kiểm tra dữ liệu',
  lists: 'Danh mục',
  registry: 'Đơn vị',
  registryGuide: 'Hướng dẫn',
  history: 'Lịch sử khen thưởng',
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
  reviewReason: 'Lý do điều chỉnh khi thẩm định',
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
  headcount: 'Tổng số cán bộ, công chức, viên chức, người lao động đang công tác',
  proposal: 'Bảng đề nghị khen thưởng',
  documents: 'Thư mục văn bản',
  status: 'Bảng tình hình nộp bảng điểm',
} as const;

/** The levels the registry's “Cấp” column offers (what the sector's units are). */
export const REGISTRY_LEVELS = [
  'Trung ương',
  'Đơn vị thuộc VKSNDTC',
  'Cấp cao',
  'Đơn vị thuộc cấp cao',
  'Quân sự',
  'Quân sự quân khu',
  'Quân sự khu vực',
  'Tỉnh',
  'Đơn vị thuộc tỉnh',
  'Khu vực',
] as const;

/** What each registry column takes: the note on its header. */
export const REGISTRY_NOTES: Record<keyof typeof REGISTRY_HEADERS, string> = {
  code: 'Mã đơn vị, không trùng nhau (ví dụ T01-KV1). Bảng điểm của đơn vị ghi đúng mã này.',
  name: 'Tên đầy đủ của đơn vị, như trên văn bản (ví dụ: Viện kiểm sát nhân dân khu vực 1 – Bắc Ninh).',
  parent: 'Mã của đơn vị cấp trên trực tiếp; để trống cho Viện kiểm sát nhân dân tối cao.',
  level: 'Chọn trong danh sách: Trung ương, Cấp cao, Tỉnh, Khu vực, Quân sự…',
  cluster: 'Tên cụm, khối thi đua của đơn vị (nếu có); các đơn vị cùng cụm, khối ghi cùng một tên.',
  council: '“Có” nếu đơn vị có Hội đồng Thi đua - Khen thưởng xét khen thưởng cho các đơn vị cấp dưới.',
  workbook:
    'Bảng điểm của đơn vị: đường dẫn tệp .xlsx tính từ thư mục của Danh mục (ví dụ bang-diem/T01-KV1.xlsx), hoặc mã bảng tính Google Sheets (chuỗi ký tự trong địa chỉ, sau /d/).',
  headcount:
    'Tổng số cán bộ, công chức, viên chức, người lao động đang công tác tại đơn vị (số nguyên); căn cứ tính số lượng cá nhân được đề nghị (10%).',
  proposal:
    'Chỉ với đơn vị có Hội đồng, trên Google Sheets: mã bảng tính nơi hệ thống ghi bảng đề nghị khen thưởng (Vụ Thi đua - Khen thưởng tạo và chia sẻ cho tài khoản dịch vụ).',
  documents:
    'Chỉ với đơn vị có Hội đồng, trên Google Drive: mã thư mục nơi hệ thống ghi Tờ trình, Danh sách đề nghị và Biên bản họp (dạng Google Docs).',
  status:
    'Chỉ ở dòng của Viện kiểm sát nhân dân tối cao (đơn vị cấp cao nhất), trên Google Sheets: mã bảng tính nơi hệ thống ghi tình hình nộp bảng điểm của toàn ngành sau mỗi lần đồng bộ (chia sẻ cho tài khoản dịch vụ). Với tệp .xlsx, tệp tinh-hinh-nop-bang-diem.xlsx nằm cạnh các bảng đề nghị.',
};

/** Older names of registry columns, still read (registries made before the names changed). */
export const REGISTRY_ALIASES: Partial<Record<keyof typeof REGISTRY_HEADERS, readonly string[]>> = {
  headcount: ['Số biên chế'],
};

export const YES = 'Có';
export const NO = 'Không';
export const GENDERS = ['Nam', 'Nữ'] as const;
export const WOMAN: (typeof GENDERS)[number] = 'Nữ';
export const VETO_ANSWERS = [NO, YES] as const;

const yearLabel = (year: number) => `${year}–${year + 1}`;
const ROUND_KIND_LABEL: Record<string, string> = { midterm: 'sơ kết', final: 'tổng kết' };

export { yearLabel };

export const MORE_PROBLEMS = (count: number) =>
  `… và ${count} lỗi, lưu ý khác; danh sách đầy đủ ở trang “Kiểm tra dữ liệu” của bảng điểm.`;

/** A value from a workbook, quoted in a message: cut so that no message grows with what was typed. */
export const quoted = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max)}…` : value);

export const MESSAGES = {
  TOO_MANY_ROWS: (limit: number) =>
    `Trang có quá ${limit.toLocaleString('vi-VN')} dòng; các dòng từ đây trở xuống không được đọc. Xin xóa các dòng thừa.`,
  TOO_MANY_PEOPLE: (count: number, limit: number) =>
    `Danh sách có ${count.toLocaleString('vi-VN')} người, vượt giới hạn ${limit.toLocaleString('vi-VN')} người của một đơn vị.`,
  CELL_TOO_LONG: (length: number, limit: number) =>
    `Ô có ${length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${limit.toLocaleString('vi-VN')} ký tự; xin rút gọn.`,
  TAB_MISSING: (tab: string) => `Không tìm thấy trang “${tab}”. Xin dùng đúng mẫu do hệ thống tạo.`,
  HEADER_MISSING: (header: string) =>
    `Không tìm thấy cột “${header}” ở dòng tiêu đề. Xin không xóa hoặc đổi tên dòng tiêu đề.`,
  HEADER_DUPLICATE: (header: string) => `Cột “${header}” xuất hiện hai lần ở dòng tiêu đề.`,
  UNIT_CODE_MISSING: () => 'Chưa ghi mã đơn vị.',
  UNIT_CODE_MISMATCH: (claimed: string, expected: string) =>
    `Bảng điểm ghi mã đơn vị “${quoted(claimed)}”, nhưng theo Danh mục đơn vị đây là bảng điểm của đơn vị “${expected}”. ` +
    `Nếu đây đúng là bảng điểm của đơn vị ${expected}, sửa ô mã đơn vị thành “${expected}”. ` +
    `Nếu đơn vị của bạn là “${quoted(claimed)}”, bảng điểm của đơn vị bạn là tệp (bảng tính) khác, ghi ở cột “Bảng điểm” của Danh mục đơn vị; ` +
    'nếu Danh mục ghi sai, liên hệ bộ phận thi đua - khen thưởng của Hội đồng cấp trên để sửa.',
  YEAR_MISSING: () => 'Chưa ghi năm thi đua (ví dụ: 2024–2025).',
  YEAR_INVALID: (value: string) =>
    `Năm thi đua “${quoted(value)}” không hợp lệ. Xin ghi theo dạng 2024–2025.`,
  YEAR_MISMATCH: (found: string, expected: string) =>
    `Bảng điểm của năm thi đua ${quoted(found)}, nhưng đợt đang tổng hợp là năm thi đua ${expected}.`,
  NOT_A_NUMBER: (value: string) => `“${quoted(value)}” không phải là số. Xin nhập số, ví dụ 8,5.`,
  TOO_MANY_DECIMALS: (value: string) => `“${quoted(value)}” có quá hai chữ số thập phân.`,
  OUT_OF_RANGE: (value: string, max: string) =>
    `Điểm ${quoted(value)} nằm ngoài khoảng cho phép (từ 0 đến ${max}).`,
  REQUIRED: (what: string) => `Chưa nhập ${what}.`,
  INVALID_CHOICE: (value: string, choices: readonly string[]) =>
    `“${quoted(value)}” không có trong danh sách chọn (${choices.join('; ')}).`,
  ERROR_VALUE: (value: string) => `Ô có lỗi công thức (${quoted(value)}).`,
  DUPLICATE_PERSON: (staffId: string, firstCell: string) =>
    `Mã cán bộ ${quoted(staffId)} đã có ở ${firstCell}; mỗi người chỉ được ghi một lần.`,
  CRITERION_ROW_MISSING: (code: string) => `Thiếu dòng tiêu chí ${code}.`,
  CRITERION_ROW_DUPLICATE: (code: string) => `Tiêu chí ${code} được ghi hai lần.`,
  CRITERION_UNKNOWN: (code: string) =>
    `Mã tiêu chí “${quoted(code)}” không có trong bộ tiêu chí năm này; dòng này được bỏ qua.`,
  REVIEW_REASON_REQUIRED: (code: string, self: string, reviewed: string) =>
    `Điểm thẩm định tiêu chí ${code} (${reviewed}) khác điểm tự chấm (${self}): cần ghi lý do ở cột “Lý do điều chỉnh khi thẩm định”.`,
  LEADER_ONLY_SCORE: (code: string) =>
    `Tiêu chí ${code} chỉ áp dụng cho lãnh đạo, quản lý; điểm của người không giữ chức vụ lãnh đạo được bỏ qua.`,
  TOTAL_MISMATCH: (typed: string, computed: string) =>
    `Tổng điểm ghi ${typed}, nhưng cộng các tiêu chí được ${computed}; hệ thống dùng tổng tự tính.`,
  NO_PEOPLE: () => 'Chưa có cán bộ nào trong danh sách.',
  WORKBOOK_MISSING: (where: string) => `Không tìm thấy bảng điểm (${where}).`,
  WORKBOOK_NOT_LISTED: () => 'Danh mục đơn vị chưa ghi bảng điểm của đơn vị này.',
  WORKBOOK_UNREADABLE: (detail: string) => `Không đọc được bảng điểm: ${detail}.`,
  UNKNOWN_FAILURE: () => 'lỗi không xác định',
  NOT_SHARED: () =>
    'bảng tính chưa được chia sẻ (hoặc đã bị thu hồi quyền) cho tài khoản dịch vụ của hệ thống',
  GOOGLE_NOT_FOUND: () => 'không có bảng tính với mã này (đã bị xóa, hoặc Danh mục đơn vị ghi sai mã)',
  NO_PERMISSION: () => 'hệ thống không có quyền đọc tệp',
  WORKBOOK_INACCESSIBLE: (detail: string) =>
    `Không truy cập được bảng điểm: ${detail}. Đây không phải lỗi của đơn vị; Vụ Thi đua – Khen thưởng kiểm tra việc chia sẻ, hệ thống sẽ đọc lại ở lần đồng bộ sau.`,
  GOOGLE_REFUSED: (detail: string) => `Google từ chối yêu cầu (${detail})`,
  NOT_XLSX: () => 'tệp không phải bảng tính .xlsx hợp lệ (có thể bị hỏng hoặc lưu sai định dạng)',
  FILE_TOO_LARGE: (bytes: number) =>
    `tệp lớn hơn ${Math.round(bytes / 1024 / 1024)} MB, vượt quá giới hạn của một bảng điểm; xin xóa các trang, hình ảnh không cần thiết`,
  UNZIPPED_TOO_LARGE: (bytes: number) =>
    `nội dung tệp khi giải nén lớn hơn ${Math.round(bytes / 1024 / 1024)} MB, vượt quá giới hạn của một bảng điểm; xin xóa các dòng, trang không cần thiết`,
  CONCURRENT_SYNC: () => 'một lần đồng bộ khác đang chạy cùng lúc; bảng điểm sẽ được đọc lại ở lần sau',
  REGISTRY_INVALID: (detail: string) => `Danh mục đơn vị: ${detail}`,
  DUPLICATE_STAFF_ACROSS_UNITS: (staffId: string, name: string, others: string) =>
    `Mã cán bộ ${quoted(staffId)} (${quoted(name)}) cũng có trong bảng điểm của đơn vị ${others}. Mỗi người chỉ thuộc một đơn vị: người này chưa được xét đề nghị cho đến khi các đơn vị thống nhất và sửa bảng điểm.`,
  HISTORY_INVALID: (detail: string) => `Lịch sử khen thưởng: ${detail}`,
} as const;

/** Details of registry problems (each wrapped by MESSAGES.REGISTRY_INVALID). */
export const REGISTRY_MESSAGES = {
  noTab: (tab: string) => `không có trang “${tab}”.`,
  noHeader: () => 'không tìm thấy dòng tiêu đề.',
  noCode: () => 'dòng không có mã đơn vị.',
  duplicateCode: (code: string) => `mã đơn vị ${code} bị trùng.`,
  badHeadcount: (code: string) =>
    `tổng số cán bộ, công chức, viên chức, người lao động của ${code} phải là số nguyên không âm.`,
  unknownParent: (parent: string, code: string) =>
    `đơn vị cấp trên ${parent} của ${code} không có trong danh mục.`,
  cycle: (code: string) => `quan hệ cấp trên của ${code} bị vòng lặp.`,
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

export const PROGRESS_LABELS = {
  sync: 'Đồng bộ bảng điểm',
  propose: 'Lập đề nghị khen thưởng',
} as const;

export const STATUS_LABELS = {
  accepted: 'Đã tiếp nhận',
  unchanged: 'Đã tiếp nhận (không thay đổi so với lần trước)',
  rejected: 'Chưa tiếp nhận — có lỗi cần sửa',
  missing: 'Chưa có bảng điểm',
  inaccessible: 'Không truy cập được bảng điểm (chưa chia sẻ, bị thu hồi quyền hoặc sai mã)',
  failed: 'Chưa đọc được (lỗi kết nối) — sẽ thử lại ở lần đồng bộ sau',
} as const;

export const REASONS = {
  NO_SUBMISSION: () => 'Đơn vị chưa có bảng điểm được tiếp nhận.',
  VETO: (code: string, title: string) => `Vi phạm tiêu chí điểm liệt ${code}: ${title}.`,
  DISCIPLINE: (label: string) => `Bị kỷ luật trong kỳ (${label}).`,
  RATING_BELOW: (rating: string, minimum: string) =>
    `Xếp loại “${rating}”, thấp hơn mức tối thiểu “${minimum}”.`,
  QUOTA_ZERO: (arithmetic: string) => `Số lượng được đề nghị của Hội đồng bằng 0 (${arithmetic}).`,
  BELOW_LINE: (rank: number, quota: number) => `Xếp hạng ${rank}, ngoài số lượng được đề nghị (${quota}).`,
  NO_POLICY: (year: string) => `Chưa có chính sách áp dụng cho năm thi đua ${year}.`,
  NEEDS_CHECK: (detail: string) => `Cần kiểm tra: ${detail}`,
  PENDING: (what: string) => `${what} (Lịch sử khen thưởng): chưa xét khen thưởng trong thời gian này.`,
  TOO_FEW_YEARS: (years: number, needed: number) =>
    `Có kết quả ${years} năm trong đợt, cần ít nhất ${needed} năm để được xếp hạng.`,
  NOT_CHOSEN: () => 'Đồng điểm tại ngưỡng; Hội đồng không chọn.',
  NOT_ELIGIBLE: (detail: string) => `Chưa đủ điều kiện: ${detail}`,
  DUPLICATE_STAFF: (others: string) =>
    `Mã cán bộ này cũng được đơn vị ${others} kê khai; mỗi người chỉ thuộc một đơn vị. Chưa xét đề nghị cho đến khi các đơn vị sửa bảng điểm.`,
} as const;

/** Why a council's proposal workbook was not written this time (it keeps what it had). */
export const WITHHELD = {
  registryUnplaced: (where: string) =>
    `Danh mục đơn vị có lỗi (${where}): chưa xác định được đơn vị thuộc Hội đồng nào, nên chưa lập lại danh sách đề nghị cho đến khi sửa Danh mục.`,
  registryDuplicate: (code: string) =>
    `Mã đơn vị ${code} bị trùng trong Danh mục đơn vị; chưa lập lại danh sách cho đến khi sửa.`,
  headcountMissing: (code: string) =>
    `Danh mục đơn vị chưa ghi tổng số cán bộ, công chức, viên chức, người lao động đang công tác của đơn vị ${code} (căn cứ tính số lượng cá nhân được đề nghị, 10%); chưa lập lại danh sách cho đến khi ghi.`,
  unsettled: (code: string, status: string) =>
    `Chưa đọc được bảng điểm của đơn vị ${code} (${status}); chưa lập lại danh sách cho đến khi đọc được.`,
} as const;

export const PROPOSAL_LABELS = {
  summaryTab: 'Tổng hợp',
  collectivesTab: 'Tập thể đề nghị',
  individualsTab: 'Cá nhân đề nghị',
  tiedTab: 'Đồng điểm tại ngưỡng',
  notProposedTab: 'Không đề nghị',
  tiedNote:
    'Hội đồng ghi “Có” ở cột cuối cho tập thể, cá nhân được chọn và “Không” cho những trường hợp không chọn; lần lập đề nghị sau sẽ cập nhật danh sách.',
  quotaZero: 'Theo tỷ lệ quy định, số lượng được đề nghị của Hội đồng bằng 0.',
} as const;

/** Words of the documents a council prints and signs (Nghị định 30/2020/NĐ-CP layout). */
export const DOCUMENT_TEXT = {
  councilShort: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
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
  published: (version: number, date: string) =>
    `Danh sách đề nghị đã được Hội đồng khóa sổ (lần ${version}, ngày ${date}); văn bản này không thay đổi cho đến khi danh sách được mở lại.`,
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

export const TEMPLATE_TEXT = {
  title: (movement: string) => `BẢNG ĐIỂM THI ĐUA — ${movement}`,
  guide: 'Hướng dẫn',
  guideSteps: [
    '1. Chỉ điền vào các ô nền vàng nhạt; các ô khác (tiêu đề, mã và nội dung tiêu chí, tổng điểm, hướng dẫn) do hệ thống ghi và đã khóa.',
    '2. Trang “Thông tin”: ghi họ tên người lập biểu và số điện thoại liên hệ.',
    '3. Trang “Tập thể”: chấm điểm từng tiêu chí của đơn vị ở cột “Điểm tự chấm” (không vượt điểm tối đa); tiêu chí điểm liệt chọn “Có” hoặc “Không”. Cột “Điểm thẩm định” do Hội đồng ghi khi thẩm định; điểm thẩm định khác điểm tự chấm thì ghi lý do.',
    '4. Trang “Cá nhân”: mỗi người một dòng, ghi mã cán bộ, họ và tên, chức vụ; chọn “Lãnh đạo, quản lý”, giới tính, xếp loại, kỷ luật trong danh sách; chấm điểm từng tiêu chí. Nội dung từng tiêu chí và người được chấm ở bảng chú giải bên phải trang (và trong ghi chú của ô tiêu đề). Tiêu chí “chỉ lãnh đạo, quản lý” để trống với người khác.',
    '5. Điểm có thể có phần thập phân (ví dụ 8,5). Cột “Tổng điểm” tự cộng; hệ thống tự tính lại khi tổng hợp.',
    '6. Sau mỗi lần đồng bộ, xem trang “Kiểm tra dữ liệu”: bảng điểm đã được tiếp nhận hay còn lỗi, lỗi ở người nào, tiêu chí nào, ô nào.',
  ],
  scoreHeader: (code: string, max: string) => `${code} (tối đa ${max} điểm)`,
  legendHeader: ['Tiêu chí', 'Nội dung tiêu chí (theo Kế hoạch)', 'Điểm tối đa', 'Áp dụng cho'],
  leadersOnly: 'Chỉ lãnh đạo, quản lý',
  everyone: 'Mọi cán bộ',
  validationHeadcount: 'Nhập một số nguyên không âm.',
  registryGuide: [
    'Mỗi dòng của trang “Đơn vị” là một đơn vị; không sửa, không xóa dòng tiêu đề (hệ thống tìm các cột theo tiêu đề). Ghi chú ở mỗi ô tiêu đề nói cột đó ghi gì.',
    'Mã đơn vị không được trùng; “Mã đơn vị cấp trên” phải là mã có trong danh mục. Từ quan hệ cấp trên, hệ thống xác định Hội đồng nào xét tập thể và cá nhân của mỗi đơn vị: tập thể do Hội đồng gần nhất ở cấp trên xét; cá nhân do Hội đồng của chính đơn vị (nếu có) hoặc gần nhất ở cấp trên xét.',
    '“Có Hội đồng TĐKT”: chọn “Có” cho đơn vị có Hội đồng Thi đua - Khen thưởng.',
    '“Bảng điểm”: với tệp .xlsx, ghi đường dẫn tính từ thư mục chứa Danh mục này (ví dụ bang-diem/T01-KV1.xlsx); với Google Sheets, ghi mã bảng tính. Lệnh “thidua template” tạo bảng điểm trống cho mỗi đơn vị chưa có.',
    '“Tổng số cán bộ, công chức, viên chức, người lao động đang công tác”: căn cứ tính 10% số lượng cá nhân được đề nghị; đơn vị có cán bộ mà chưa ghi số này thì Hội đồng của đơn vị chưa được lập lại danh sách.',
    '“Bảng đề nghị khen thưởng” và “Thư mục văn bản”: chỉ dùng khi làm việc trên Google (mã bảng tính, mã thư mục Drive của Hội đồng); với tệp .xlsx, hệ thống ghi bảng đề nghị và văn bản vào thư mục kết quả.',
  ],
  vetoMax: 'Có/Không',
  criterionNote: (code: string, title: string, max: string, leaderOnly: boolean) =>
    `${code}: ${title}. Tối đa ${max} điểm. ${leaderOnly ? 'Chỉ chấm cho người giữ chức vụ lãnh đạo, quản lý.' : 'Chấm cho mọi cán bộ.'}`,
  vetoNote:
    'Tiêu chí điểm liệt: chọn “Có” nếu đơn vị để xảy ra; khi đó đơn vị không được đề nghị khen thưởng.',
  validationScore: (max: string) => `Nhập điểm từ 0 đến ${max}.`,
  validationList: 'Chọn một giá trị trong danh sách.',
  registryTitle: 'HƯỚNG DẪN LẬP DANH MỤC ĐƠN VỊ',
} as const;

export const FEEDBACK_TEXT = {
  title: 'KIỂM TRA DỮ LIỆU BẢNG ĐIỂM',
  status: 'Trạng thái',
  checkedAt: 'Thời điểm kiểm tra',
  year: 'Năm thi đua',
  counts: 'Số lỗi / số lưu ý',
  allGood: 'Không có lỗi. Bảng điểm đã được tiếp nhận.',
  notChecked: 'Chưa kiểm tra. Hệ thống sẽ ghi kết quả kiểm tra vào trang này sau mỗi lần đồng bộ.',
  more: (n: number) => `… và ${n} vấn đề khác (sửa các lỗi trên rồi xem lại sau lần đồng bộ tới).`,
  keptPrevious:
    'Bảng điểm lần này chưa được tiếp nhận. Bảng điểm được tiếp nhận lần trước vẫn được dùng để xét khen thưởng cho đến khi các lỗi dưới đây được sửa.',
  notAccepted:
    'Bảng điểm chưa được tiếp nhận: đơn vị chưa có trong danh sách xét khen thưởng cho đến khi các lỗi dưới đây được sửa.',
  titleOf: (code: string, name: string) => `KIỂM TRA DỮ LIỆU BẢNG ĐIỂM — ${code}: ${name}`,
  header: ['STT', 'Mức độ', 'Ô', 'Cán bộ (họ tên, mã)', 'Tiêu chí', 'Nội dung, cách sửa'],
  error: 'Lỗi',
  warning: 'Lưu ý',
} as const;

export const PROPOSAL_TEXT = {
  workbookTitle: (council: string, code: string, year: number) =>
    `Đề nghị khen thưởng năm thi đua ${yearLabel(year)} — ${council} (${code})`,
  movement: 'Phong trào',
  year: 'Năm thi đua',
  quotaPolicy: 'Căn cứ tỷ lệ',
  collectives: 'Tập thể',
  individuals: 'Cá nhân',
  base: 'Cơ sở tính',
  quota: 'Số lượng được đề nghị tối đa',
  arithmetic: 'Cách tính',
  proposedCount: 'Số được đề nghị',
  note: 'Ghi chú',
  summaryTitle: 'TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG',
  collectivesTitle: 'DANH SÁCH TẬP THỂ ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG',
  individualsTitle: 'DANH SÁCH CÁ NHÂN ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG',
  tiedTitle: 'DANH SÁCH ĐỒNG ĐIỂM TẠI NGƯỠNG — HỘI ĐỒNG QUYẾT ĐỊNH',
  notProposedTitle: 'TẬP THỂ, CÁ NHÂN KHÔNG ĐƯỢC ĐỀ NGHỊ VÀ LÝ DO',
  clustersTitle: 'XẾP HẠNG TẬP THỂ TRONG CỤM, KHỐI THI ĐUA',
  unitPeople: 'Toàn bộ cán bộ của đơn vị',
  unitNotAccepted: (status: string) =>
    `Bảng điểm của đơn vị chưa được tiếp nhận (${status}); cán bộ của đơn vị chưa được xét.`,
  tiedCount: 'Đồng điểm tại ngưỡng',
  collectiveBase: (n: number) => `${n} tập thể thuộc Hội đồng`,
  individualBase: (n: number, listed: number) =>
    listed > 0
      ? `${n} (tổng số cán bộ, công chức, viên chức, người lao động đang công tác; ${listed} đơn vị chưa khai báo số này, tính theo danh sách đã nộp)`
      : `${n} (tổng số cán bộ, công chức, viên chức, người lao động đang công tác, theo Danh mục đơn vị)`,
  rounding: { down: 'làm tròn xuống', atLeastOne: 'làm tròn xuống, tối thiểu 1' },
  unitsHeader: [
    'Mã đơn vị',
    'Tên đơn vị',
    'Xếp hạng tập thể',
    'Xếp hạng của cá nhân được đề nghị',
    'Trạng thái bảng điểm',
    'Số lỗi',
  ],
  yes: 'Có',
  collectiveHeader: [
    'STT',
    'Hạng',
    'Tên tập thể',
    'Điểm',
    'Điểm tối đa',
    'Tỷ lệ (%)',
    'Hình thức khen thưởng',
  ],
  individualHeader: [
    'STT',
    'Hạng',
    'Họ và tên',
    'Chức vụ',
    'Đơn vị',
    'Điểm',
    'Điểm tối đa áp dụng',
    'Tỷ lệ (%)',
    'Xếp loại',
    'Hình thức khen thưởng',
  ],
  tiedHeader: [
    'Đối tượng',
    'Hạng',
    'Mã',
    'Tên',
    'Đơn vị',
    'Điểm',
    'Điểm tối đa',
    'Tỷ lệ (%)',
    'Hội đồng chọn (Có/Không)',
  ],
  tiedChosen: (subject: string, chosen: number, places: number) =>
    `${subject}: Hội đồng đã chọn ${chosen} trong số lượng còn lại được đề nghị (${places}); danh sách đề nghị đã cập nhật.`,
  tiedOverflow: (subject: string, chosen: number, places: number) =>
    `${subject}: Hội đồng chọn ${chosen} nhưng số lượng còn lại được đề nghị là ${places} — lựa chọn chưa được áp dụng, xin chọn lại.`,
  tiedPlaces: (subject: string, places: number, count: number) =>
    `${subject}: ${count} trường hợp đồng điểm, còn được đề nghị ${places} — Hội đồng quyết định.`,
  noTies: 'Không có trường hợp đồng điểm tại ngưỡng số lượng được đề nghị.',
  notProposedHeader: ['Đối tượng', 'Mã', 'Tên', 'Đơn vị', 'Hạng', 'Tỷ lệ (%)', 'Lý do'],
  clustersTab: 'Cụm, khối thi đua',
  clustersHeader: [
    'Cụm, khối thi đua',
    'Hạng trong cụm, khối',
    'Mã đơn vị',
    'Tên đơn vị',
    'Tỷ lệ (%)',
    'Ghi chú',
  ],
  nothing: '(không có)',
} as const;

/** Text of the command-line tool, for the emulation office. */
export const CLI_TEXT = {
  heading: (year: number, movement: string) => `thidua — năm thi đua ${yearLabel(year)} — ${movement}`,
  units: (total: number, c: Record<string, number>) =>
    `Đơn vị: ${total} — tiếp nhận mới ${c.accepted ?? 0}, không đổi ${c.unchanged ?? 0}, có lỗi ${c.rejected ?? 0}, chưa có bảng điểm ${c.missing ?? 0}`,
  unitProblem: (code: string, status: string, errors: number) => `  ${code}: ${status} (${errors} lỗi)`,
  councilLine: (code: string, name: string, collectives: string, individuals: string) =>
    `  ${code} ${name}\n      tập thể: ${collectives}\n      cá nhân: ${individuals}`,
  subjectLine: (proposed: number, quota: number, tied: number, arithmetic: string) =>
    `đề nghị ${proposed}/${quota} (${arithmetic})${tied ? `, ${tied} đồng điểm tại ngưỡng — Hội đồng quyết định` : ''}${quota === 0 ? ' — số lượng được đề nghị bằng 0' : ''}`,
  councils: (n: number, dir: string) => `Hội đồng: ${n} — bảng đề nghị đã ghi vào ${dir}`,
  report: (path: string) => `Báo cáo JSON: ${path}`,
  statusWorkbook: (where: string) => `Tình hình nộp bảng điểm: ${where}`,
  watching: (n: number, dir: string) =>
    `Đang theo dõi ${n} bảng điểm trong ${dir}: mỗi lần một bảng điểm được lưu, hệ thống kiểm tra lại sau vài giây. Ctrl-C để dừng.`,
  watchChecked: (time: string, code: string, status: string, errors: number) =>
    `${time}  ${code}: ${status}${errors ? ` (${errors} lỗi)` : ''}`,
  watchProposal: (council: string) => `        bảng đề nghị của Hội đồng ${council} đã cập nhật`,
  watchStopped: () => 'Đã dừng theo dõi.',
  watchNeedsFiles: () =>
    'thidua watch theo dõi các tệp .xlsx (--registry hoặc --example); trên Google, hàm poll của hệ thống kiểm tra bảng tính vừa sửa sau vài phút.',
  badNow: (value: string) =>
    `THIDUA_NOW “${value}” không phải một thời điểm (ví dụ 2025-06-10T08:00:00+07:00).`,
  registryProblems: (n: number) => `Danh mục đơn vị có ${n} lỗi:`,
  exampleCreated: (dir: string) => `Đã tạo bộ dữ liệu mẫu tại ${dir}`,
  templateRegistryCreated: (path: string) =>
    `Đã tạo Danh mục đơn vị trống tại ${path}. Điền danh mục rồi chạy lại lệnh để tạo bảng điểm cho từng đơn vị.`,
  templateCreated: (created: number, existing: number) =>
    `Đã tạo ${created} bảng điểm; ${existing} bảng điểm đã có từ trước được giữ nguyên.`,
  checkOk: (path: string) => `${path}: hợp lệ, có thể tiếp nhận.`,
  movementCreated: (path: string, name: string) =>
    `Đã tạo tệp cấu hình phong trào ${path} (từ “${name}”). Sửa tệp trong Excel hoặc Google Sheets, rồi kiểm tra: thidua movement check ${path}`,
  movementExists: (path: string) => `${path} đã có; không ghi đè. Chọn tên tệp khác.`,
  movementNotXlsx: (path: string) =>
    `${path}: tệp cấu hình để sửa phải là bảng tính .xlsx (hoặc mã bảng tính Google với --google).`,
  movementOk: (
    path: string,
    name: string,
    from: number,
    to: number,
    catalogs: number,
    rounds: readonly string[],
  ) =>
    `${path}: hợp lệ — “${name}”, năm thi đua ${yearLabel(from)} đến ${yearLabel(to)}, ${catalogs} bộ tiêu chí, đợt xét: ${rounds.map((r) => ({ annual: 'hằng năm', midterm: 'sơ kết', final: 'tổng kết' })[r] ?? r).join(', ')}.`,
  movementFailed: (path: string, n: number) =>
    `${path}: có ${n} lỗi; các lệnh khác không chạy với cấu hình này cho đến khi sửa xong.`,
  checkOkUnbound: (path: string, code: string) =>
    `${path}: nội dung hợp lệ. Chưa đối chiếu với Danh mục đơn vị: mã đơn vị “${code}” ghi trong bảng điểm chưa được kiểm tra (dùng --registry TỆP để kiểm tra như khi đồng bộ).`,
  badOption: (detail: string) => `tùy chọn không hợp lệ: ${detail}. Xem “thidua <lệnh> --help”.`,
  unknownOption: (option: string) => `không có tùy chọn ${option}. Xem “thidua <lệnh> --help”.`,
  missingValue: (option: string) => `tùy chọn ${option} cần một giá trị.`,
  extraArgument: (value: string) => `đối số thừa: “${value}”.`,
  emptyRegistry: (where: string) =>
    `Danh mục đơn vị ${where} không có đơn vị nào đọc được (có phải tệp Danh mục đơn vị không?).`,
  unknownUnits: (codes: readonly string[]) => `--unit: không có trong Danh mục đơn vị: ${codes.join(', ')}.`,
  unknownCouncil: (code: string) => `Danh mục đơn vị không có Hội đồng ${code}.`,
  noAwsCredentials: () =>
    'không tìm thấy thông tin xác thực AWS (đặt AWS_PROFILE hoặc AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; với --endpoint trên máy này thì không cần).',
  tokenFile: (path: string) => `Không đọc được tệp access token ${path}.`,
  checkFailed: (path: string, errors: number, warnings: number) =>
    `${path}: ${errors} lỗi, ${warnings} lưu ý.`,
  unknownUnit: (path: string) =>
    `Không xác định được đơn vị của ${path}: Danh mục đơn vị không ghi bảng điểm này. Dùng --unit MÃ_ĐƠN_VỊ.`,
  failed: (message: string) => `Lỗi: ${message}`,
  busy: (holder: string, since: string | null) =>
    `một lần chạy khác đang dùng kho dữ liệu này (${holder}${since ? `, từ ${since}` : ''}). Chờ lần chạy đó xong rồi chạy lại; không có gì được thay đổi.`,
  withheld: (code: string, reasons: readonly string[]) =>
    `  ${code}: chưa lập lại danh sách — ${reasons.join(' ')}`,
  unread: (count: number) =>
    `${count} đơn vị chưa đọc được bảng điểm (lỗi kết nối hoặc không truy cập được); xem report.json và chạy lại sau khi khắc phục.`,
  noCatalog: (year: number) => `Phong trào không có bộ tiêu chí cho năm thi đua ${year}.`,
  noRegistry: (path: string) => `Không tìm thấy Danh mục đơn vị: ${path}`,
  badYear: (value: string) => `--year: “${value}” không hợp lệ (ví dụ: 2024).`,
  needRegistry: () => 'Cần --registry FILE (Danh mục đơn vị) hoặc --example.',
  unknownCommand: (command: string) => `Lệnh không có: ${command}`,
  needCouncil: () => 'Cần --council MÃ_HỘI_ĐỒNG.',
  documents: (council: string, paths: readonly string[]) =>
    `Văn bản của Hội đồng ${council}:\n${paths.map((p) => `  ${p}`).join('\n')}`,
  noDocuments: (council: string) =>
    `Chưa lập được văn bản của Hội đồng ${council} (danh sách chưa lập lại được, hoặc Danh mục đơn vị chưa ghi nơi lưu) — xem báo cáo ở trên.`,
  badRound: (value: string) => `--round: “${value}” không hợp lệ (midterm hoặc final).`,
  roundNeedsFolder: (n: number) =>
    `${n} Hội đồng chưa có bảng đề nghị của đợt: trên Google, bảng đề nghị sơ kết, tổng kết được tạo trong thư mục Drive dùng chung (--shared-drive hoặc $THIDUA_SHARED_DRIVE_FOLDER).`,
  roundWrittenGoogle: (n: number) =>
    `Đề nghị khen thưởng đợt: ${n} bảng đề nghị đã ghi vào thư mục Drive dùng chung (tên “Đề nghị khen thưởng … — Hội đồng (mã)”).`,
  roundWritten: (n: number, dir: string) => `Đề nghị khen thưởng đợt: ${n} bảng đề nghị đã ghi vào ${dir}`,
  roundList: (subject: string, proposed: number, forms: string, tied: number, toCheck: number) =>
    `${subject} đề xuất ${proposed}${forms ? ` (${forms})` : ''}${tied ? `, ${tied} đồng điểm tại ngưỡng` : ''}${toCheck ? `, ${toCheck} còn điều kiện Hội đồng cần kiểm tra` : ''}`,
  roundYears: (years: readonly string[]) =>
    years.length ? `Đồng bộ bảng điểm các năm thi đua trước của đợt: ${years.join(', ')}` : '',
  publishedDecision: (version: number) => `khóa sổ lần ${version}`,
  needBy: () => 'Cần --by (họ tên người thực hiện).',
  needWhy: () => 'Mở lại danh sách đã khóa sổ cần --why (lý do).',
  published: (council: string, version: number) =>
    `Đã khóa sổ danh sách của Hội đồng ${council} (lần ${version}).`,
  alreadyPublished: (council: string, version: number) =>
    `Danh sách của Hội đồng ${council} đã khóa sổ (lần ${version}); muốn sửa, mở lại bằng “thidua reopen”.`,
  reopened: (council: string) =>
    `Đã mở lại danh sách của Hội đồng ${council}; lần đề nghị tới sẽ viết lại bảng đề nghị.`,
  notPublished: (council: string) => `Danh sách của Hội đồng ${council} chưa khóa sổ, không có gì để mở lại.`,
  auditLine: (at: string, action: string, by: string, why: string, version: number, list: string) =>
    `  ${at}  ${list}: ${action === 'publish' ? 'khóa sổ' : 'mở lại'} (lần ${version})  ${by}${why ? ` — ${why}` : ''}`,
  auditList: (round: string, year: number) =>
    round === 'annual'
      ? `năm thi đua ${yearLabel(year)}`
      : `${ROUND_KIND_LABEL[round] ?? round} (đến năm thi đua ${yearLabel(year)})`,
  roundPublished: (council: string, kind: string, version: number) =>
    `Đã khóa sổ danh sách ${ROUND_KIND_LABEL[kind] ?? kind} của Hội đồng ${council} (lần ${version}); các lần chạy sau giữ nguyên bảng đề nghị của đợt cho đến khi mở lại.`,
  roundFrozen: 'đã khóa sổ, giữ nguyên',
  auditEmpty: (council: string) => `Hội đồng ${council}: chưa có thao tác khóa sổ hay mở lại.`,
  needCredentials: () =>
    'Cần --credentials FILE (khóa tài khoản dịch vụ hoặc cấu hình liên kết danh tính), biến GOOGLE_APPLICATION_CREDENTIALS, hoặc --access-token-file TỆP (hay biến THIDUA_GOOGLE_ACCESS_TOKEN).',
  needRegistryId: () => 'Cần --registry-id (mã bảng tính Danh mục đơn vị trên Google Sheets).',
  badNumber: (value: string) => `“${value}” không phải số nguyên dương.`,
  unavailable: (detail: string) =>
    `Google không phản hồi sau nhiều lần thử lại (${detail}). Xin chạy lại sau.`,
  templateFailed: (code: string, detail: string) => `  ${code}: không chuẩn bị được bảng điểm — ${detail}`,
  fileMissing: (path: string) => `Không tìm thấy tệp ${path}`,
  fileUnreadable: (path: string, detail: string) =>
    `Không đọc được tệp ${path} như một bảng tính (${detail}).`,
} as const;

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
  anyOf: 'Ít nhất một trong các điều kiện sau',
} as const;

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
  noRule: 'Hệ thống chưa có quy định áp dụng; Hội đồng đối chiếu văn bản hiện hành',
} as const;

/** The command-line help, for the emulation office. */
export const CLI_HELP = (exampleDir: string, dataDir: string): Record<string, string> => ({
  main: `thidua — thi đua, khen thưởng ngành Kiểm sát nhân dân

Cách dùng: thidua <lệnh> [tùy chọn]   (thidua --version: phiên bản)

Các lệnh:
  template   tạo Danh mục đơn vị và bảng điểm cho từng đơn vị (không bao giờ ghi đè)
  check      kiểm tra một bảng điểm và liệt kê các lỗi
  movement   tạo, kiểm tra bảng tính cấu hình phong trào: movement template|check TỆP
  watch      run, rồi kiểm tra lại mỗi bảng điểm vài giây sau khi được lưu (Ctrl-C để dừng)
  sync       đọc bảng điểm của các đơn vị, kiểm tra, lưu, ghi trang “Kiểm tra dữ liệu”
  propose    xếp hạng trong số lượng được đề nghị, ghi bảng đề nghị và văn bản của từng Hội đồng
  run        sync rồi propose
  publish    khóa sổ danh sách của một Hội đồng: --council MÃ --by HỌ_TÊN [--why LÝ_DO]
  reopen     mở lại danh sách đã khóa sổ: --council MÃ --by HỌ_TÊN --why LÝ_DO
  audit      xem lịch sử khóa sổ, mở lại của một Hội đồng: --council MÃ
  documents  lập Tờ trình, Danh sách đề nghị, Biên bản họp (.docx) của một Hội đồng: --council MÃ

Xem tùy chọn của từng lệnh: thidua <lệnh> --help`,
  template: `Cách dùng: thidua template [--registry TỆP | --example | --google --registry-id MÃ] [--year NĂM] [--movement TỆP]

Tạo Danh mục đơn vị nếu chưa có, rồi tạo bảng điểm cho mỗi đơn vị trong danh mục chưa có bảng
điểm. Bảng điểm đã có không bao giờ bị sửa. Với --google, các bảng tính ghi trong danh mục (do Vụ
Thi đua – Khen thưởng tạo và chia sẻ cho tài khoản dịch vụ) được thêm các trang còn thiếu, có tiêu
đề, danh sách chọn và vùng khóa; trang đã có — và mọi thứ đơn vị đã nhập — được giữ nguyên.
Tùy chọn Google như trong "thidua run --help".`,
  check: `Cách dùng: thidua check <bảng-điểm.xlsx> [--unit MÃ] [--registry TỆP] [--year NĂM] [--json]

Kiểm tra một bảng điểm, không lưu gì. Đơn vị là đơn vị mà Danh mục gắn với bảng điểm này, hoặc
--unit. Không có --registry thì mã đơn vị ghi trong bảng điểm chưa được đối chiếu (lệnh nói rõ
điều đó). Mã thoát 1 khi bảng điểm có lỗi.`,
  publish: `Cách dùng: thidua publish --council MÃ --by HỌ_TÊN [--why LÝ_DO] [--registry TỆP | --example] [--year NĂM]

Khóa sổ danh sách đề nghị năm của một Hội đồng: lưu bản chụp bất biến cùng dấu vết của mọi bảng
điểm đã dùng. Các lần đồng bộ, đề nghị sau không ghi lại bảng đề nghị này cho đến khi mở lại.
Với --round midterm|final: khóa sổ danh sách sơ kết, tổng kết của Hội đồng như Hội đồng đã chọn
trong bảng đề nghị của đợt (mỗi ứng viên một hình thức); mở lại bằng reopen --round.
Tùy chọn kho dữ liệu như trong "thidua run --help". Mã thoát 1 khi danh sách đã khóa sổ từ trước.`,
  reopen: `Cách dùng: thidua reopen --council MÃ --by HỌ_TÊN --why LÝ_DO [--registry TỆP | --example] [--year NĂM]

Mở lại danh sách đã khóa sổ; lý do là bắt buộc và được ghi vào nhật ký. Lần đề nghị tới sẽ viết
lại bảng đề nghị. Mã thoát 1 khi danh sách chưa khóa sổ.`,
  documents: `Cách dùng: thidua documents --council MÃ [--registry TỆP | --example] [--year NĂM]

Lập ba văn bản của Hội đồng theo thể thức Nghị định 30/2020/NĐ-CP, từ cùng dữ liệu với bảng đề
nghị: Tờ trình đề nghị khen thưởng (gửi cấp trên), Danh sách đề nghị khen thưởng, Biên bản họp
Hội đồng (thành phần, cách tính số lượng được đề nghị, danh sách, bảng biểu quyết để điền). Số, ngày
và người ký để trống cho văn phòng điền. Tệp .docx ghi cạnh bảng đề nghị (to-trinh-MÃ.docx,
danh-sach-MÃ.docx, bien-ban-MÃ.docx); lệnh propose và run cũng ghi chúng, mỗi khi danh sách thay
đổi. Danh sách đã khóa sổ: văn bản ghi rõ và giữ nguyên. Tùy chọn như trong "thidua run --help".`,
  watch: `Cách dùng: thidua watch [--registry TỆP | --example] [--year NĂM] [--movement TỆP]

Chạy như "thidua run", rồi theo dõi các bảng điểm ghi trong Danh mục: vài giây sau khi một bảng
điểm được lưu, hệ thống kiểm tra lại, ghi trang “Kiểm tra dữ liệu”, cập nhật bảng đề nghị của Hội
đồng và tình hình nộp bảng điểm. Tệp khóa của Excel, LibreOffice và các lần ghi của chính hệ thống
được bỏ qua. Trong lúc theo dõi, kho dữ liệu do lệnh này giữ. Ctrl-C để dừng.`,
  movement: `Cách dùng: thidua movement check TỆP [--json]
       thidua movement template TỆP.xlsx [--movement NGUỒN]

Cấu hình phong trào (tiêu chí, điểm, tỷ lệ, điều kiện xét, hình thức, các đợt sơ kết, tổng kết)
là của Văn phòng thi đua, sửa trong Excel hoặc Google Sheets.
  template  ghi cấu hình của --movement (mặc định: Kế hoạch 2019–2025) thành bảng tính để sửa;
            không ghi đè tệp đã có. Với --google, TỆP là mã bảng tính đã chia sẻ cho hệ thống.
  check     kiểm tra cấu hình (.xlsx, .json, hoặc mã bảng tính với --google), liệt kê từng lỗi
            với trang và ô. Mã thoát 1 khi có lỗi.
Mọi lệnh nhận bảng tính cấu hình ở --movement, như tệp .json.`,
  audit: `Cách dùng: thidua audit --council MÃ [--registry TỆP | --example] [--json]

Liệt kê mọi lần khóa sổ và mở lại danh sách của một Hội đồng: thời điểm, người thực hiện, lý do.`,
  job: `Cách dùng: thidua {sync|propose|run} [tùy chọn]

  --registry TỆP    Danh mục đơn vị (.xlsx); đường dẫn bảng điểm trong đó tính từ thư mục của nó
  --example         dùng bộ dữ liệu mẫu (tạo trong ${exampleDir} ở lần đầu)
  --year NĂM        năm thi đua theo năm bắt đầu (2024 = 01/06/2024–31/05/2025);
                    mặc định: năm cuối của phong trào
  --movement TỆP    cấu hình phong trào: bảng tính .xlsx (thidua movement template), tệp .json,
                    hoặc mã bảng tính với --google (mặc định: Kế hoạch 2019–2025)
  --out THƯ_MỤC     nơi ghi bảng đề nghị và report.json, theo năm
                    (mặc định: ${dataDir}/out/<danh-mục>, mỗi Danh mục đơn vị một thư mục)
  --store THƯ_MỤC   thư mục của kho dữ liệu nhúng (mặc định: ${dataDir}/db/<danh-mục>)
  --endpoint URL    dùng DynamoDB tại địa chỉ này thay cho kho nhúng
  --aws             dùng DynamoDB trên AWS (vùng và thông tin xác thực lấy từ môi trường)
  --table TÊN       tên bảng (mặc định: thidua)
  --unit MÃ         chỉ đồng bộ đơn vị này, hoặc chỉ lập đề nghị cho Hội đồng này (lặp được)
  --force           đọc lại mọi bảng điểm, kể cả khi không thay đổi
  --round LOẠI      midterm (sơ kết) hoặc final (tổng kết): sau khi đồng bộ, lập đề nghị các hình
                    thức cao hơn theo các năm của đợt, nêu từng điều kiện đạt hay chưa đạt
  --history TỆP     Lịch sử khen thưởng (mặc định: lich-su-khen-thuong.xlsx cạnh Danh mục)
  --json            in báo cáo dạng JSON

Mã thoát: 0 xong hết; 3 xong một phần (có đơn vị chưa đọc được bảng điểm, hoặc có Hội đồng chưa
lập lại danh sách vì Danh mục có lỗi — xem báo cáo); 4 một lần chạy khác đang dùng kho dữ liệu
(không làm gì); 1 lỗi; 2 dùng sai lệnh.

Dùng Google Sheets thay cho tệp .xlsx (--google):
  --registry-id MÃ        bảng tính Danh mục đơn vị; cột “Bảng điểm” ghi mã bảng tính của từng đơn
                          vị, cột “Bảng đề nghị khen thưởng” ghi bảng đề nghị của từng Hội đồng
  --credentials TỆP       khóa tài khoản dịch vụ hoặc cấu hình liên kết danh tính (JSON);
                          mặc định: $GOOGLE_APPLICATION_CREDENTIALS
  --access-token-file TỆP tệp chứa một access token cố định (môi trường thử nghiệm; hoặc biến
                          $THIDUA_GOOGLE_ACCESS_TOKEN — không đặt token trên dòng lệnh, ai cũng thấy)
  --google-root-url URL   địa chỉ API khác, ví dụ bản giả lập cục bộ ($THIDUA_GOOGLE_ROOT_URL)
  --reads-per-minute N    hạn mức đọc Sheets mỗi phút của tài khoản dịch vụ (mặc định 60)
  --writes-per-minute N   hạn mức ghi (mặc định 60)
  --shared-drive THƯ_MỤC  thư mục trong Drive dùng chung để tạo bảng đề nghị mà Danh mục chưa ghi
                          ($THIDUA_SHARED_DRIVE_FOLDER)`,
});

/** The movement workbook (Cấu hình phong trào): tabs, columns, choices and messages. */
export const MOVEMENT_BOOK = {
  title: 'CẤU HÌNH PHONG TRÀO THI ĐUA',
  tabs: {
    guide: 'Hướng dẫn',
    general: 'Phong trào',
    ratings: 'Xếp loại',
    disciplines: 'Kỷ luật',
    catalogs: 'Bộ tiêu chí',
    criteria: 'Tiêu chí',
    quotas: 'Tỷ lệ khen thưởng',
    eligibility: 'Điều kiện xét',
    forms: 'Hình thức khen thưởng',
    campaigns: 'Đợt xét',
    legal: 'Căn cứ pháp lý',
    rules: 'Điều kiện khen thưởng',
  },
  source: {
    document: 'Văn bản nguồn',
    article: 'Điều, khoản, mục',
    status: 'Trạng thái nguồn',
    note: 'Ghi chú nguồn (trích dẫn)',
  },
  sourceStatus: {
    verified: 'Đã đọc văn bản',
    secondary: 'Nguồn thứ cấp, chưa đối chiếu',
    'not-found': 'Chưa tìm thấy văn bản',
    proposed: 'Đề xuất (không có văn bản quy định)',
  },
  general: { item: 'Mục', value: 'Giá trị' },
  generalItems: {
    id: 'Mã phong trào',
    name: 'Tên phong trào',
    planNumber: 'Số kế hoạch',
    planDate: 'Ngày ban hành kế hoạch',
    planIssuer: 'Cơ quan ban hành kế hoạch',
    periodFrom: 'Ngày bắt đầu phong trào',
    periodTo: 'Ngày kết thúc phong trào',
    yearStart: 'Ngày bắt đầu năm thi đua (ngày/tháng)',
    deadline: 'Hạn nộp bảng điểm (ngày/tháng của năm sau)',
    roundPolicy: 'Sơ kết, tổng kết: cách xếp hạng',
    roundMinYears: 'Sơ kết, tổng kết: số năm có kết quả tối thiểu',
    roundNote: 'Sơ kết, tổng kết: diễn giải cách xếp hạng',
    selectionIndividual: 'Sơ kết, tổng kết: số cá nhân đề xuất (phần của tổng số cán bộ)',
    selectionCollective: 'Sơ kết, tổng kết: số tập thể đề xuất (phần của số tập thể)',
    selectionRounding: 'Sơ kết, tổng kết: làm tròn số đề xuất',
    womenPriority: 'Ưu tiên nữ khi bằng điểm',
    disciplineBreaksChain: 'Năm bị kỷ luật làm gián đoạn chuỗi năm liên tục',
    pendingBlocks: 'Tạm dừng đề nghị khi Lịch sử khen thưởng ghi (cách nhau bằng dấu ;)',
  },
  columns: {
    ratings: { code: 'Mã xếp loại', label: 'Tên xếp loại', rank: 'Thứ bậc (cao hơn là tốt hơn)' },
    disciplines: { code: 'Mã', label: 'Hình thức', isDiscipline: 'Là kỷ luật' },
    catalogs: { fromYear: 'Từ năm thi đua', toYear: 'Đến năm thi đua' },
    criteria: {
      catalog: 'Bộ tiêu chí (từ năm)',
      subject: 'Đối tượng',
      kind: 'Loại tiêu chí',
      code: 'Mã tiêu chí',
      title: 'Nội dung tiêu chí',
      maxPoints: 'Điểm tối đa',
      leaderOnly: 'Chỉ lãnh đạo, quản lý',
      status: 'Điểm, điều kiện do',
      planRef: 'Mục của Kế hoạch',
      enabled: 'Áp dụng',
      note: 'Ghi chú',
    },
    quotas: {
      id: 'Mã quy định',
      validFrom: 'Áp dụng từ ngày',
      validTo: 'Đến ngày',
      collective: 'Tập thể (phần của số tập thể)',
      individual: 'Cá nhân (phần của tổng số cán bộ)',
      rounding: 'Làm tròn',
      roundingNote: 'Ghi chú làm tròn',
      collectiveBase: 'Căn cứ tính số tập thể',
      individualBase: 'Căn cứ tính số cán bộ',
    },
    eligibility: {
      id: 'Mã quy định',
      validFrom: 'Áp dụng từ ngày',
      validTo: 'Đến ngày',
      minimumRating: 'Xếp loại tối thiểu (mã)',
      disciplineDisqualifies: 'Bị kỷ luật thì không xét',
      individualVeto: 'Cá nhân có tiêu chí loại trừ thì không xét',
      collectiveVeto: 'Tập thể có tiêu chí loại trừ thì không xét',
    },
    forms: {
      code: 'Mã hình thức',
      name: 'Tên hình thức',
      shortName: 'Tên ngắn (tên trang, tối đa 21 ký tự)',
      collective: 'Cho tập thể',
      individual: 'Cho cá nhân',
    },
    campaigns: {
      kind: 'Đợt',
      fromYear: 'Từ năm thi đua',
      toYear: 'Đến năm thi đua',
      reviewYear: 'Năm xét',
      reviewDate: 'Ngày áp dụng quy định',
      awardForms: 'Hình thức khen thưởng (mã, cách nhau bằng dấu phẩy)',
    },
    legal: { text: 'Căn cứ (như ghi trong văn bản)', validFrom: 'Hiệu lực từ ngày', validTo: 'Đến ngày' },
    rules: {
      id: 'Mã quy định',
      awardForm: 'Hình thức (mã)',
      subject: 'Đối tượng',
      validFrom: 'Áp dụng từ ngày',
      validTo: 'Đến ngày',
      number: 'Điều kiện số',
      kind: 'Loại điều kiện',
      awards: 'Hình thức liên quan (mã)',
      count: 'Số năm, số lần',
      rating: 'Xếp loại (mã)',
      afterAward: 'Tính từ sau lần được tặng',
      label: 'Nội dung điều kiện (như trên danh sách)',
    },
  },
  choices: {
    subject: { collective: 'Tập thể', individual: 'Cá nhân' },
    criterionKind: { scored: 'Chấm điểm', veto: 'Loại trừ' },
    weightStatus: { plan: 'Kế hoạch', proposed: 'Đề xuất' },
    rounding: { down: 'Làm tròn xuống', atLeastOne: 'Làm tròn xuống, tối thiểu 1' },
    campaign: { annual: 'Hằng năm', midterm: 'Sơ kết', final: 'Tổng kết' },
    roundPolicy: { meanShare: 'Trung bình tỷ lệ điểm các năm có kết quả' },
    condition: {
      holdsAward: 'Đã được tặng',
      consecutiveYears: 'Số năm liên tục đạt xếp loại',
      awardCount: 'Số lần được tặng trong thời gian đó',
      ratingCount: 'Số năm đạt xếp loại trong thời gian đó',
      consecutiveAward: 'Số lần liên tục được tặng',
      manual: 'Hội đồng kiểm tra',
      anyOf: 'Một trong các điều kiện sau',
    },
  },
  guide: [
    'Tệp này là cấu hình của phong trào thi đua: tiêu chí và điểm, tỷ lệ khen thưởng, điều kiện xét, hình thức khen thưởng, các đợt sơ kết, tổng kết và điều kiện của từng hình thức. Văn phòng thi đua sửa tệp này (Excel hoặc Google Sheets); mọi lệnh của thidua nhận tệp này ở tùy chọn --movement.',
    'Mỗi trang là một bảng: dòng đầu là tiêu đề (không sửa, không xóa; ghi chú ở ô tiêu đề nói cột ghi gì); mỗi dòng dưới là một mục. Ô có danh sách chọn thì chọn trong danh sách. Ngày ghi theo dạng ngày/tháng/năm (31/05/2031); tỷ lệ ghi dạng phân số (1/4, 1/10) hoặc phần trăm (10%).',
    'Mỗi quy định ghi nguồn ở bốn cột cuối: văn bản, điều khoản, trạng thái nguồn và trích dẫn. “Đã đọc văn bản” chỉ dùng khi đã đọc nguyên văn điều khoản (trích ở cột ghi chú); điều do thidua hoặc Văn phòng đặt ra thì chọn “Đề xuất”.',
    'Bắt đầu phong trào mới (ví dụ 2026–2030): sao chép tệp này, sửa trang “Phong trào” (mã, tên, số kế hoạch, ngày bắt đầu và kết thúc), “Bộ tiêu chí” và “Tiêu chí” (năm áp dụng, tiêu chí, điểm), “Tỷ lệ khen thưởng” và “Điều kiện xét” (ngày áp dụng), “Đợt xét” (các năm của đợt hằng năm, sơ kết, tổng kết).',
    'Sau mỗi lần sửa, chạy “thidua movement check TỆP”: lệnh liệt kê từng lỗi với trang và ô. Các lệnh khác không chạy với tệp còn lỗi.',
    'Tiêu chí loại trừ (ví dụ để xảy ra tham nhũng, lãng phí) chỉ được hỏi trong bảng điểm khi cột “Áp dụng” là “Có”.',
  ],
  messages: {
    tabMissing: (tab: string) => `Không tìm thấy trang “${tab}”.`,
    headerMissing: (header: string) => `Không tìm thấy cột “${header}” ở dòng tiêu đề.`,
    itemMissing: (item: string) => `Không tìm thấy dòng “${item}” ở cột “Mục”.`,
    required: (header: string) => `Chưa nhập “${header}”.`,
    notWhole: (value: string) => `“${quoted(value)}” không phải là số nguyên.`,
    notNumber: (value: string) => `“${quoted(value)}” không phải là số (ví dụ 20 hoặc 12,5).`,
    notDate: (value: string) => `“${quoted(value)}” không phải là ngày (ghi dạng 31/05/2031).`,
    notDayMonth: (value: string) => `“${quoted(value)}” không phải là ngày/tháng (ghi dạng 01/06).`,
    notFraction: (value: string) => `“${quoted(value)}” không phải là tỷ lệ (ghi dạng 1/4, 1/10 hoặc 10%).`,
    notChoice: (value: string, choices: readonly string[]) =>
      `“${quoted(value)}” không có trong danh sách chọn (${choices.join('; ')}).`,
    duplicate: (what: string, value: string, first: string) =>
      `${what} “${quoted(value)}” đã có ở ${first}; mỗi mã chỉ ghi một lần.`,
    unknownCatalog: (year: string) => `Không có bộ tiêu chí bắt đầu từ năm ${year} ở trang “Bộ tiêu chí”.`,
    unknownForm: (code: string) => `Hình thức “${quoted(code)}” không có ở trang “Hình thức khen thưởng”.`,
    unknownRating: (code: string) => `Xếp loại “${quoted(code)}” không có ở trang “Xếp loại”.`,
    prefix: (a: string, b: string) =>
      `Mã tiêu chí ${a} là phần đầu của mã ${b}: bảng điểm không phân biệt được hai cột; xin đổi mã.`,
    orphanOption: (number: string) =>
      `Điều kiện ${quoted(number)} không thuộc một điều kiện “Một trong các điều kiện sau” ở các dòng trên.`,
    badNumber: (value: string) =>
      `Số điều kiện “${quoted(value)}” không hợp lệ (ghi 1, 2, … hoặc 1.1, 1.2 cho các lựa chọn).`,
    needAwards: () => 'Điều kiện này cần ghi hình thức liên quan.',
    needCount: () => 'Điều kiện này cần ghi số năm hoặc số lần.',
    needRating: () => 'Điều kiện này cần ghi xếp loại.',
    noDiscipline: () => 'Trang “Kỷ luật” cần đúng một dòng “Là kỷ luật: Không” (không bị kỷ luật).',
    toBeforeFrom: () => '“Đến” sớm hơn “Từ”.',
    invalid: (detail: string) => `Giá trị không hợp lệ (${detail}).`,
    notAFile: (location: string) =>
      `“${location}” không phải tệp cấu hình phong trào (.json hoặc .xlsx); mã bảng tính Google chỉ dùng được cùng --google.`,
    hasProblems: (location: string, lines: readonly string[]) =>
      `Cấu hình phong trào “${location}” có ${lines.length} lỗi; sửa rồi chạy lại (kiểm tra: thidua movement check):\n  ${lines.join('\n  ')}`,
  },
} as const;

/** The sector status workbook (Tình hình nộp bảng điểm) the emulation office follows. */
export const STATUS_BOOK = {
  title: 'TÌNH HÌNH NỘP BẢNG ĐIỂM THI ĐUA',
  summaryTab: 'Tổng hợp',
  unitsTab: 'Đơn vị',
  fileName: 'tinh-hinh-nop-bang-diem.xlsx',
  workbookTitle: (year: string) => `Tình hình nộp bảng điểm — năm thi đua ${year}`,
  year: (year: string) => `Năm thi đua ${year}`,
  asOf: (time: string) => `Số liệu đến lần kiểm tra gần nhất: ${time}`,
  noCheck: 'Chưa có lần kiểm tra nào.',
  deadline: (date: string) => `Hạn nộp: ${date}`,
  /**
   * The deadline line as a spreadsheet formula: the days left are counted by the spreadsheet when
   * it is opened (TODAY()), so the workbook need not be rewritten every day.
   */
  deadlineFormula: (iso: string, date: string) => {
    const d = `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;
    return `"Hạn nộp: ${date} — "&IF(${d}>TODAY(),"còn "&(${d}-TODAY())&" ngày",IF(${d}=TODAY(),"hôm nay là hạn cuối","đã quá hạn "&(TODAY()-${d})&" ngày"))`;
  },
  noDeadline: 'Cấu hình phong trào chưa đặt hạn nộp bảng điểm.',
  summaryTitle: 'TỔNG HỢP THEO HỘI ĐỒNG',
  unitsTitle: 'DANH SÁCH ĐƠN VỊ — ĐƠN VỊ CẦN LIÊN HỆ Ở TRÊN',
  summaryHeader: [
    'Hội đồng',
    'Số đơn vị',
    'Đã tiếp nhận',
    'Có lỗi',
    'Chưa nộp',
    'Không truy cập được',
    'Tỷ lệ đã tiếp nhận (%)',
  ],
  sector: 'Toàn ngành',
  unitsHeader: [
    'STT',
    'Mã đơn vị',
    'Tên đơn vị',
    'Hội đồng',
    'Cụm, khối thi đua',
    'Tình trạng',
    'Số lỗi',
    'Kiểm tra lần cuối',
    'Tiếp nhận lần cuối',
    'Bảng điểm',
  ],
  states: {
    inaccessible: 'Không truy cập được',
    rejected: 'Có lỗi',
    missing: 'Chưa nộp',
    accepted: 'Đã tiếp nhận',
  },
  usingEarlier: (date: string) => `Có lỗi (đang dùng bản tiếp nhận ${date})`,
  noCouncil: '(chưa xác định)',
  note: 'Thứ tự: đơn vị không truy cập được, có lỗi, chưa nộp ở trên (cần liên hệ), rồi đến đơn vị đã tiếp nhận; trong mỗi nhóm theo Hội đồng và mã đơn vị. Lỗi cụ thể của từng đơn vị ở trang “Kiểm tra dữ liệu” trong bảng điểm của đơn vị.',
} as const;
