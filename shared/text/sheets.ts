/** Tab titles, column headers and labels of the workbooks people fill and read, and the values their dropdowns offer. */
import type { Gender } from '../domain/submission-schema.ts';

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
  unknownAward: (
    value: string,
    forms: readonly { code: string; name: string }[],
    pending: readonly string[],
  ) =>
    `hình thức “${value}” không có trong danh mục khen thưởng của phong trào; ghi mã hoặc tên một trong: ${forms
      .map((f) => `${f.code} (${f.name})`)
      .join('; ')}; hoặc việc đang xem xét: ${pending.join('; ')}.`,
  unknownKind: (value: string, kinds: readonly string[]) =>
    `loại khen thưởng “${value}” không hợp lệ (chọn một trong: ${kinds.join('; ')}).`,
  noTitle: () => 'dòng không có tên sáng kiến.',
  badLevel: (value: string, levels: readonly string[]) =>
    `cấp công nhận “${value}” không hợp lệ (chọn một trong: ${levels.join('; ')}).`,
  badDate: (value: string) => `ngày quyết định “${value}” không hợp lệ (ví dụ: 15/07/2023).`,
  noStaffId: () => 'dòng không có mã cán bộ.',
} as const;

/** The kinds of a prior award (Luật Thi đua, khen thưởng 2022, Điều 9, as the office records them), and the subjects. */
export const HISTORY_CHOICES = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  merit: 'Theo công trạng',
  achievement: 'Theo thành tích',
  thematic: 'Chuyên đề - theo đợt',
  sudden: 'Đột xuất',
} as const;

/** Older history workbooks' label for thematic and sudden awards together: read as thematic. */
export const HISTORY_LEGACY_THEMATIC = 'Chuyên đề, đột xuất';

/** The initiatives tab (Sáng kiến) of the history workbook. Choices hold no comma: a spreadsheet's dropdown splits on it. */
export const INITIATIVE_HEADERS = {
  staffId: 'Mã cán bộ',
  name: 'Họ và tên',
  title: 'Tên sáng kiến',
  year: 'Năm thi đua',
  level: 'Cấp công nhận',
  decision: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
} as const;

export const INITIATIVE_LEVELS = {
  base: 'Cơ sở',
  ministry: 'Bộ - ngành - tỉnh',
  national: 'Toàn quốc',
} as const;

/** What thidua says of the history workbook: its feedback tab and the console. */
export const HISTORY_FEEDBACK = {
  title: 'KẾT QUẢ KIỂM TRA LỊCH SỬ KHEN THƯỞNG VÀ SÁNG KIẾN',
  allGood: 'Không có lỗi: mọi dòng được dùng khi lập danh sách sơ kết, tổng kết.',
  someBad: (errors: number) =>
    `${errors} dòng có lỗi chưa được dùng (xem danh sách dưới đây); các dòng khác được dùng khi lập danh sách sơ kết, tổng kết.`,
  noInitiatives:
    'Tệp chưa có trang “Sáng kiến”: các điều kiện cần sáng kiến sẽ ghi “Chưa có dữ liệu sáng kiến”. Tạo tệp mẫu mới bằng thidua template --history TỆP_MỚI để có trang này.',
} as const;

/** The history workbook's guide tab. */
export const HISTORY_GUIDE = {
  tab: 'Hướng dẫn',
  title: 'LỊCH SỬ KHEN THƯỞNG VÀ SÁNG KIẾN',
  lines: [
    'Trang “Lịch sử khen thưởng”: mỗi dòng một danh hiệu hoặc hình thức khen thưởng đã nhận (hoặc một việc đang xem xét: kỷ luật, thanh tra, khiếu nại). Mã là mã cán bộ (cá nhân) hoặc mã đơn vị (tập thể); hình thức ghi đúng tên hoặc mã trong danh mục của phong trào.',
    'Loại khen thưởng: “Theo công trạng”, “Theo thành tích” (danh hiệu hằng năm), “Chuyên đề - theo đợt” (khen thưởng phong trào) hoặc “Đột xuất”. Khen thưởng chuyên đề, theo đợt và đột xuất không được tính vào các điều kiện khen thưởng theo công trạng.',
    'Trang “Sáng kiến”: mỗi dòng một sáng kiến được công nhận — mã cán bộ, tên sáng kiến, năm thi đua được công nhận, cấp công nhận (Cơ sở; Bộ - ngành - tỉnh; Toàn quốc), số và ngày quyết định.',
    'thidua đọc hai trang này khi lập danh sách sơ kết, tổng kết và báo cáo thành tích; dòng có lỗi được bỏ qua và ghi rõ ô lỗi ở trang “Kiểm tra dữ liệu”.',
  ],
} as const;

/** The hidden tab where thidua copies a tab a council edits, at the instant it rewrites it. */
export const keptCopyTitle = (title: string) => `Bản lưu - ${title}`;

export const TABS = {
  info: 'Thông tin',
  collective: 'Tập thể',
  individuals: 'Cá nhân',
  feedback: 'Kiểm tra dữ liệu',
  lists: 'Danh mục',
  registry: 'Đơn vị',
  registryGuide: 'Hướng dẫn',
  history: 'Lịch sử khen thưởng',
  initiatives: 'Sáng kiến',
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
/** The genders as the sheets write them, by the domain's code. */
export const GENDER_LABELS = { male: 'Nam', female: 'Nữ' } as const satisfies Record<Gender, string>;
/** The sheets' choice list, in its order. */
export const GENDERS = Object.values(GENDER_LABELS);
export const VETO_ANSWERS = [NO, YES] as const;
