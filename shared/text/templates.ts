/** The unit score workbook template: notes, instructions, validation prompts. */

export const TEMPLATE_TEXT = {
  title: (movement: string) => `BẢNG ĐIỂM THI ĐUA — ${movement}`,
  guide: 'Hướng dẫn',
  guideSteps: [
    '1. Chỉ điền vào các ô nền vàng nhạt; các ô khác (tiêu đề, mã và nội dung tiêu chí, tổng điểm, hướng dẫn) do hệ thống ghi và đã khóa.',
    '2. Trang “Thông tin”: ghi họ tên người lập biểu và số điện thoại liên hệ.',
    '3. Trang “Tập thể”: chấm điểm từng tiêu chí của đơn vị ở cột “Điểm tự chấm” (không vượt điểm tối đa); tiêu chí điểm liệt chọn “Có” hoặc “Không”. Điểm thẩm định do Hội đồng thi đua ghi ở bảng đề nghị của Hội đồng; kết quả thẩm định, kiểm tra được báo ở trang “Kiểm tra dữ liệu”.',
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
