/** The sector status workbook the office follows. */

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
    'Danh sách đề nghị',
  ],
  open: 'Chưa khóa sổ',
  documentsFailed: 'văn bản chưa ghi được (xem lý do ở bảng kết quả lần chạy)',
  published: (version: number, at: string, by: string) =>
    `Đã khóa sổ lần ${version}, ${at}${by ? ` (${by})` : ''}`,
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
