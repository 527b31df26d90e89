/** The proposal and feedback workbooks: statuses, reasons, withheld councils, the proposal tabs' wording. */
import type { WithheldReason } from '../domain/council-choices.ts';
import type { Reason } from '../domain/reasons.ts';
import { yearLabel } from './common.ts';

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
  otherYear: 'Bảng điểm của năm thi đua khác — không tiếp nhận, không ghi gì vào tệp',
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
  NO_STANDARD_MET: () =>
    'Chưa đạt tiêu chuẩn của hình thức nào trong đợt (xem cột điều kiện của từng hình thức).',
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

/** A rule's reason as the council reads it. */
export function reasonText(reason: Reason): string {
  return (REASONS[reason.code] as (...args: readonly (string | number)[]) => string)(...reason.args);
}

/** Why a council's list is held back, as the council reads it. */
export function withheldText(reason: WithheldReason): string {
  return (WITHHELD[reason.code] as (...args: readonly string[]) => string)(...reason.args);
}

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
  publishedLabel: 'Khóa sổ',
  lateLabel: 'Ghi trong lúc khóa sổ',
  publishedLate: (cells: readonly string[]) =>
    `Lựa chọn ghi vào ${cells.join(', ')} trong lúc khóa sổ không có trong danh sách đã khóa sổ (danh sách dùng lựa chọn đọc lúc khóa sổ, nay ghi lại ở các ô đó). Muốn dùng lựa chọn mới: mở lại danh sách (reopen) rồi khóa sổ lại.`,
  published: (version: number, at: string, by: string) =>
    `Hội đồng đã khóa sổ danh sách (lần ${version}, ${at}${by ? `, ${by}` : ''}). Bảng đề nghị và văn bản giữ nguyên như khi khóa sổ; lựa chọn ghi thêm vào bảng này không được dùng cho đến khi danh sách được mở lại.`,
} as const;

/** Why a council's documents could not be written, for its secretary and the office. */
export const DOCUMENT_FAILURE_TEXT: Record<'noStorage' | 'noAccess' | 'folderMissing' | 'other', string> = {
  noStorage:
    'thư mục văn bản của Hội đồng không nằm trong một bộ nhớ dùng chung (shared drive): tài khoản dịch vụ không có dung lượng riêng nên không tạo được tệp. Chuyển thư mục vào một bộ nhớ dùng chung có tài khoản dịch vụ là thành viên (vai trò Người đóng góp trở lên), rồi chạy lại; thidua doctor --google kiểm tra mọi thư mục.',
  noAccess:
    'tài khoản dịch vụ không được thêm tệp vào thư mục văn bản của Hội đồng: chia sẻ thư mục (hoặc shared drive chứa nó) với tài khoản, quyền thêm tệp, rồi chạy lại.',
  folderMissing:
    'không tìm thấy thư mục văn bản của Hội đồng: mã thư mục ở cột “Thư mục văn bản” của Danh mục đơn vị sai, hoặc thư mục đã bị xóa.',
  other: 'không ghi được văn bản của Hội đồng; xem nhật ký để biết lý do, rồi chạy lại.',
};
