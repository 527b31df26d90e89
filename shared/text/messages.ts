/** The problems a workbook check finds, as the clerk reads them (each with its tab and cell elsewhere). */
import { quoted } from './common.ts';

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
  /** Why a file is not a workbook thidua can read, and what to do about it. */
  NOT_XLSX: (kind: NotXlsxKind = 'damaged') => NOT_XLSX_TEXT[kind],
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

/** What a file that is not a readable `.xlsx` turned out to be. */
export type NotXlsxKind = 'empty' | 'legacy' | 'ods' | 'text' | 'notWorkbook' | 'damaged';

const NOT_XLSX_TEXT: Record<NotXlsxKind, string> = {
  empty: 'tệp trống (0 byte) — có thể đang được lưu hoặc chép dở; lưu lại tệp rồi chạy lại',
  legacy:
    'tệp là bảng tính Excel 97–2003 (.xls) hoặc đã được đặt mật khẩu mở tệp; mở tệp bằng Excel hoặc LibreOffice, bỏ mật khẩu (nếu có) và lưu lại dạng “Sổ làm việc Excel (.xlsx)”',
  ods: 'tệp là bảng tính OpenDocument (.ods) mang đuôi .xlsx; mở bằng LibreOffice và lưu lại dạng .xlsx (Tệp → Lưu thành… → “Excel 2007-365 (.xlsx)”)',
  text: 'tệp là văn bản (CSV hoặc trang web), không phải bảng tính .xlsx; mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx',
  notWorkbook:
    'tệp nén không chứa bảng tính Excel (có thể là tệp khác được đổi đuôi thành .xlsx); lưu lại bảng tính dạng .xlsx',
  damaged:
    'tệp .xlsx bị hỏng nên không đọc được; mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx (nếu không mở được, dùng bản sao gần nhất)',
};

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
  unknownLevel: (value: string, code: string, levels: readonly string[]) =>
    `cấp “${value}” của ${code} không có trong danh sách (${levels.join('; ')}); đơn vị vẫn được dùng, nhưng Tờ trình của Hội đồng cao nhất không biết gửi Hội đồng cấp trên nào.`,
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
