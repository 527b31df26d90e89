/** What councils and units read about reviews (thẩm định) and inspections (kiểm tra). */

export const REVIEW_TEXT = {
  reviewTab: 'Thẩm định',
  reviewTitle: 'THẨM ĐỊNH ĐIỂM TỰ CHẤM CỦA TẬP THỂ',
  reviewHeader: [
    'Mã đơn vị',
    'Tên đơn vị',
    'Mã tiêu chí',
    'Nội dung tiêu chí',
    'Điểm tối đa',
    'Điểm tự chấm',
    'Điểm thẩm định',
    'Lý do điều chỉnh khi thẩm định',
    'Ghi chú của thidua',
  ],
  reviewNote:
    'Hội đồng ghi “Điểm thẩm định” ở cột G — và lý do ở cột H khi khác điểm tự chấm; để trống là giữ điểm tự chấm. Chỉ Hội đồng sửa được hai cột này; lần chạy sau thidua đọc lại, xếp hạng theo điểm thẩm định và báo cho đơn vị ở trang “Kiểm tra dữ liệu” của đơn vị.',
  noCollectives: '(Hội đồng không xếp hạng tập thể nào có bảng điểm được tiếp nhận.)',
  inspectionTab: 'Kiểm tra',
  inspectionTitle: 'KẾT QUẢ KIỂM TRA VIỆC THỰC HIỆN PHONG TRÀO',
  inspectionHeader: [
    'Mã đơn vị',
    'Ngày kiểm tra',
    'Đoàn kiểm tra',
    'Kết luận',
    'Mã tiêu chí',
    'Điểm sau kiểm tra',
    'Lý do điều chỉnh',
    'Ghi chú của thidua',
  ],
  inspectionNote:
    'Mỗi dòng một điều chỉnh điểm theo kết luận của đoàn kiểm tra, cho một đơn vị thuộc Hội đồng. Điểm sau kiểm tra đứng trên điểm thẩm định của Hội đồng cấp dưới; đơn vị được báo ở trang “Kiểm tra dữ liệu”. Dòng chỉ có kết luận (không có mã tiêu chí) được ghi lại và báo cho đơn vị, không đổi điểm.',
  /** Blank rows offered below the findings recorded, for the next ones. */
  blankRows: 20,
  notRanked: (unit: string, council: string) =>
    `Đơn vị ${unit} không do Hội đồng ${council} xếp hạng tập thể: điểm thẩm định này không được dùng.`,
  notUnder: (unit: string, council: string) =>
    `Đơn vị ${unit} không thuộc Hội đồng ${council}: kết quả kiểm tra này không được dùng.`,
  unknownUnit: (unit: string) => `Mã đơn vị “${unit}” không có trong Danh mục đơn vị.`,
  badDate: (value: string) => `Ngày kiểm tra “${value}” không đúng; ghi ngày dạng 15/03/2025.`,
  reasonRequired: (criterion: string, self: string, reviewed: string) =>
    `Điểm tiêu chí ${criterion} (${reviewed}) khác điểm tự chấm (${self}): cần ghi lý do điều chỉnh. Điểm này chưa được dùng.`,
  inspectionReasonRequired: (criterion: string) =>
    `Điều chỉnh điểm tiêu chí ${criterion} theo kết quả kiểm tra cần ghi lý do. Điểm này chưa được dùng.`,
  /** What the unit reads in its own tab. */
  reviewedBy: (council: string, criterion: string, self: string, reviewed: string, reason: string) =>
    `Hội đồng ${council} thẩm định tiêu chí ${criterion}: điểm tự chấm ${self}, điểm thẩm định ${reviewed}${reason ? `. Lý do: ${reason}` : ''}. Xếp hạng dùng điểm thẩm định.`,
  inspectedBy: (
    council: string,
    date: string,
    team: string,
    criterion: string,
    self: string,
    reviewed: string,
    reason: string,
  ) =>
    `Đoàn kiểm tra${team ? ` ${team}` : ''} của Hội đồng ${council}${date ? ` (ngày ${date})` : ''} điều chỉnh tiêu chí ${criterion}: điểm tự chấm ${self}, điểm sau kiểm tra ${reviewed}${reason ? `. Lý do: ${reason}` : ''}. Xếp hạng dùng điểm này.`,
  findingFor: (council: string, date: string, team: string, finding: string) =>
    `Kết luận kiểm tra của Hội đồng ${council}${team ? ` (đoàn ${team})` : ''}${date ? `, ngày ${date}` : ''}: ${finding}`,
  summaryLabel: 'Điểm thẩm định, kiểm tra',
  summaryChange: (unit: string, criterion: string, self: string, reviewed: string, reason: string) =>
    `${unit} – ${criterion}: ${self} → ${reviewed}${reason}`,
  unitReviewIgnored:
    'Điểm thẩm định do Hội đồng thi đua ghi ở bảng đề nghị của Hội đồng (trang “Thẩm định”); điểm và lý do ghi ở cột này của bảng điểm đơn vị không được dùng.',
} as const;
