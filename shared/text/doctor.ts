/** What `thidua doctor` says: each finding, what to do about it, and Google's own answer. */
import type { FolderUse, GoogleAnswer, SetupFinding, WorkbookRole } from '../domain/setup.ts';
import { DEFAULT_SHEETS_PER_MINUTE, WORKER_MIN_PER_MINUTE } from '../domain/setup.ts';

const API_NAME = { sheets: 'Google Sheets API', drive: 'Google Drive API' } as const;
const API_SERVICE = { sheets: 'sheets.googleapis.com', drive: 'drive.googleapis.com' } as const;
const ROLE_LABEL: Record<WorkbookRole, string> = {
  unit: 'bảng điểm',
  proposal: 'bảng đề nghị khen thưởng',
  status: 'bảng tình hình nộp bảng điểm',
};
const FOLDER_LABEL: Record<FolderUse, string> = {
  documents: 'Thư mục văn bản',
  proposals: 'Thư mục trong bộ nhớ dùng chung (--shared-drive)',
};

const said = (google: GoogleAnswer | undefined) =>
  google ? `\n    Google trả lời: ${google.status} ${google.reason} — ${google.message}` : '';
const whose = (councils: readonly string[]) => (councils.length ? ` (Hội đồng ${councils.join(', ')})` : '');

/** More workers than the account's quota can feed (also `cdk synth`'s refusal). */
export const tooManyWorkers = (workers: number, perMinute: number, most: number) =>
  `${workers} worker chia nhau hạn mức ${perMinute} lượt/phút thì mỗi worker chỉ còn ${Math.floor(perMinute / workers)} lượt/phút, không đủ cho một lô 5 bảng điểm trong 2 phút (cần ít nhất ${WORKER_MIN_PER_MINUTE}); với hạn mức này đặt nhiều nhất ${most}, hoặc xin Google tăng hạn mức`;

/** One finding: what is wrong, then how to fix it; `account` is the address to share with. */
export function findingText(finding: SetupFinding, account: string | undefined): string {
  const who = account ?? 'tài khoản dịch vụ của thidua';
  switch (finding.code) {
    case 'API_DISABLED':
      return `${API_NAME[finding.api]} chưa được bật trong dự án Google Cloud của tài khoản: mọi lệnh gọi đến nó đều bị từ chối.
    Cách sửa: bật API tại ${finding.activationUrl ?? 'https://console.cloud.google.com/apis/library'} (hoặc: gcloud services enable ${API_SERVICE[finding.api]}), đợi vài phút rồi chạy lại thidua doctor.${said(finding.google)}`;
    case 'REGISTRY_UNREADABLE':
      return `Không đọc được Danh mục đơn vị (${finding.location})${finding.detail ? `: ${finding.detail}` : ''}.
    Cách sửa: kiểm tra mã bảng tính, và chia sẻ Danh mục cho ${who} (quyền Người xem là đủ).`;
    case 'HISTORY_UNREADABLE':
      return `Không đọc được Lịch sử khen thưởng (${finding.location})${finding.detail ? `: ${finding.detail}` : ''}.
    Cách sửa: kiểm tra mã bảng tính, và chia sẻ nó cho ${who} (quyền Người xem là đủ).`;
    case 'REGISTRY_PROBLEMS':
      return `Danh mục đơn vị có ${finding.count} lỗi, ví dụ ${finding.first}
    Cách sửa: sửa Danh mục; thidua run liệt kê từng lỗi với trang và ô.`;
    case 'WORKBOOK_NOT_SHARED':
      return `${finding.role === 'unit' ? 'Đơn vị' : 'Hội đồng'} ${finding.unit} — ${ROLE_LABEL[finding.role]} ${finding.location}: không tìm thấy, hoặc chưa chia sẻ cho ${who}.
    Cách sửa: mở bảng tính → Chia sẻ → thêm ${who} với quyền Người chỉnh sửa; hoặc sửa mã bảng tính trong Danh mục.`;
    case 'WORKBOOK_READ_ONLY':
      return `${finding.role === 'unit' ? 'Đơn vị' : 'Hội đồng'} ${finding.unit} — ${ROLE_LABEL[finding.role]} ${finding.location}: ${who} chỉ được xem, thidua không ghi được vào đó.
    Cách sửa: mở bảng tính → Chia sẻ → đổi quyền của ${who} thành Người chỉnh sửa.`;
    case 'NO_WORKBOOK':
      return `Đơn vị ${finding.units.join(', ')}: Danh mục không ghi mã bảng điểm, đơn vị sẽ không được đọc.
    Cách sửa: ghi mã bảng tính vào cột “Bảng điểm” (thidua template --google tạo các trang cho bảng tính mới).`;
    case 'FOLDER_MISSING':
      return `${FOLDER_LABEL[finding.use]} ${finding.folder}${whose(finding.councils)}: không tìm thấy, hoặc chưa chia sẻ cho ${who}.
    Cách sửa: thêm ${who} làm thành viên của bộ nhớ dùng chung (shared drive) chứa thư mục, vai trò Người đóng góp (Contributor) trở lên; hoặc sửa mã thư mục.${said(finding.google)}`;
    case 'NOT_A_FOLDER':
      return `${FOLDER_LABEL[finding.use]} ${finding.folder}${whose(finding.councils)}: đây là một tệp, không phải thư mục Drive.
    Cách sửa: ghi mã của thư mục (phần cuối địa chỉ https://drive.google.com/drive/folders/…).`;
    case 'FOLDER_NOT_SHARED_DRIVE':
      return `${FOLDER_LABEL[finding.use]} ${finding.folder}${whose(finding.councils)}: nằm trong “Drive của tôi” của một người, không trong một bộ nhớ dùng chung (shared drive). Tài khoản dịch vụ không có dung lượng lưu trữ riêng, nên Drive từ chối mọi tệp nó tạo ở đây (storageQuotaExceeded).
    Cách sửa: chuyển thư mục vào một bộ nhớ dùng chung và thêm ${who} làm thành viên, vai trò Người đóng góp (Contributor) trở lên.`;
    case 'FOLDER_READ_ONLY':
      return `${FOLDER_LABEL[finding.use]} ${finding.folder}${whose(finding.councils)}: ${who} không được thêm tệp vào thư mục (Drive sẽ trả insufficientFilePermissions).
    Cách sửa: trong bộ nhớ dùng chung (shared drive), đổi vai trò của ${who} thành Người đóng góp (Contributor) trở lên.`;
    case 'NO_DOCUMENTS_FOLDER':
      return `Hội đồng ${finding.councils.join(', ')}: Danh mục không ghi “Thư mục văn bản”, văn bản (Tờ trình, Danh sách, Biên bản) sẽ không được tạo trên Drive.
    Cách sửa: ghi mã một thư mục trong bộ nhớ dùng chung (shared drive) vào Danh mục, hoặc chỉ định --shared-drive.`;
    case 'NO_PROPOSAL_PLACE':
      return `Hội đồng ${finding.councils.join(', ')}: Danh mục không ghi “Bảng đề nghị khen thưởng” và không có thư mục trong bộ nhớ dùng chung (shared drive): thidua không có chỗ ghi danh sách đề nghị.
    Cách sửa: tạo bảng tính, chia sẻ cho ${who} với quyền Người chỉnh sửa, ghi mã vào Danh mục; hoặc chỉ định một thư mục trong bộ nhớ dùng chung (--shared-drive, hoặc sharedDriveFolder khi triển khai).`;
    case 'ACCOUNT_UNKNOWN':
      return `Không biết địa chỉ e-mail của tài khoản thidua dùng (token cố định, hoặc liên kết danh tính không mạo danh một tài khoản dịch vụ): vùng khóa chỉ cảnh báo, người dùng vẫn ghi đè được ô của thidua sau một cảnh báo.
    Cách sửa: dùng khóa tài khoản dịch vụ, hoặc tạo cấu hình liên kết danh tính với --service-account (docs/aws.md).`;
    case 'PACE_ABOVE_DEFAULT':
      return `Nhịp ${finding.readsPerMinute} lượt đọc, ${finding.writesPerMinute} lượt ghi mỗi phút vượt hạn mức mặc định của Google Sheets (${DEFAULT_SHEETS_PER_MINUTE} đọc, ${DEFAULT_SHEETS_PER_MINUTE} ghi mỗi phút cho mỗi tài khoản).
    Chỉ đúng khi Google đã nâng hạn mức của dự án; nếu chưa, Google trả 429 và lần chạy chậm lại.`;
    case 'TOO_MANY_WORKERS':
      return `${tooManyWorkers(finding.workers, finding.perMinute, finding.most)}.
    Cách sửa: triển khai lại với -c workerConcurrency=${finding.most} (hoặc nâng hạn mức và readsPerMinute, writesPerMinute).`;
  }
}

export const DOCTOR_TEXT = {
  heading: (account: string | undefined) =>
    `thidua doctor — kiểm tra triển khai${account ? `, tài khoản ${account}` : ''}`,
  error: (text: string) => `✗ ${text}`,
  warning: (text: string) => `! ${text}`,
  ready: (spreadsheets: number, folders: number, warnings: number) =>
    `Sẵn sàng: một lần chạy sẽ làm được (đã kiểm tra ${spreadsheets} bảng tính, ${folders} thư mục)${warnings ? `; ${warnings} lưu ý ở trên` : ''}.`,
  notReady: (errors: number, warnings: number) =>
    `Chưa sẵn sàng: ${errors} lỗi phải sửa trước khi chạy${warnings ? `, ${warnings} lưu ý` : ''}.`,
  needsGoogle: () =>
    'thidua doctor kiểm tra một triển khai trên Google (--google, cùng các tùy chọn như thidua run); với tệp .xlsx, thidua run --unit và thidua check cho biết từng bảng điểm.',
} as const;
