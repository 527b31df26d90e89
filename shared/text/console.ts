/** What the thidua command prints: summaries, errors, usage. */
import { ROUND_KIND_LABEL, yearLabel } from './common.ts';

/** Text of the command-line tool, for the emulation office. */
export const CLI_TEXT = {
  heading: (year: number, movement: string) => `thidua — năm thi đua ${yearLabel(year)} — ${movement}`,
  units: (total: number, c: Record<string, number>) =>
    `Đơn vị: ${total} — tiếp nhận mới ${c.accepted ?? 0}, không đổi ${c.unchanged ?? 0}, có lỗi ${c.rejected ?? 0}, chưa có bảng điểm ${c.missing ?? 0}${c.otherYear ? `, bảng điểm của năm khác ${c.otherYear}` : ''}`,
  unitsStored: (total: number, c: Record<string, number>) =>
    `Đơn vị: ${total} (theo lần kiểm tra gần nhất; lần này không đọc lại bảng điểm) — đã tiếp nhận ${c.accepted ?? 0}, có lỗi ${c.rejected ?? 0}, chưa có bảng điểm ${c.missing ?? 0}${c.inaccessible ? `, không truy cập được ${c.inaccessible}` : ''}`,
  councilPublished: (version: number, date: string, by: string) =>
    `      đã khóa sổ lần ${version} ngày ${date}${by ? ` (${by})` : ''}: danh sách như đã khóa sổ, bảng đề nghị và văn bản giữ nguyên`,
  ignoredChoices: (cells: readonly string[]) =>
    `      lựa chọn ghi vào bảng đề nghị sau khi khóa sổ (${cells.join(', ')}) không được dùng cho đến khi mở lại danh sách (thidua reopen)`,
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
  unitNotSynced: (unit: string, detail: string) =>
    `Đơn vị ${unit}: chưa xử lý xong (${detail}); lần chạy sau sẽ làm lại.`,
  stopping: () =>
    'Đang dừng: các bảng điểm đang đọc được đọc xong và lưu lại, không bắt đầu bảng điểm nào nữa (bấm Ctrl-C lần nữa để dừng ngay).',
  stoppedNow: () => 'Đã dừng ngay. Lần chạy sau tiếp tục từ những gì đã lưu.',
  interrupted: (done: number, total: number, proposed: boolean) =>
    `Đã dừng theo yêu cầu: đã đọc và lưu ${done}/${total} bảng điểm${proposed ? ', đã lập đề nghị' : '; chưa lập đề nghị khen thưởng'}. Chạy lại lệnh để tiếp tục: lần chạy sau bắt đầu từ những gì đã lưu.`,
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
  templateOtherYear: (code: string, workbook: string, year: number) =>
    `  ${code}: ${workbook} đã có nhưng là bảng điểm của năm thi đua khác, không phải ${yearLabel(year)} — giữ nguyên, không tính là của năm này. Ghi vào cột “Bảng điểm” một tệp mới cho năm ${yearLabel(year)} (ví dụ trong thư mục nam-${year}/bang-diem/).`,
  templateNoUnits: (where: string) =>
    `Danh mục đơn vị ${where} chưa có đơn vị nào: điền mỗi đơn vị một dòng ở trang “Đơn vị” (mã, tên, mã đơn vị cấp trên, cấp, bảng điểm…) rồi chạy lại.`,
  templateUnlisted: (column: string, codes: readonly string[]) =>
    `Cột “${column}” của Danh mục đơn vị còn trống ở ${codes.length} đơn vị (${codes.slice(0, 10).join(', ')}${codes.length > 10 ? ', …' : ''}): chưa tạo bảng điểm cho các đơn vị này. Ghi đường dẫn tệp (ví dụ bang-diem/${codes[0] ?? 'MA'}.xlsx) hoặc mã bảng tính Google Sheets vào cột đó rồi chạy lại.`,
  checkOk: (path: string) => `${path}: hợp lệ, có thể tiếp nhận.`,
  historyCreated: (path: string) =>
    `Đã tạo tệp Lịch sử khen thưởng và Sáng kiến trống tại ${path}. Điền rồi kiểm tra: thidua check --history ${path}`,
  historyExists: (path: string) => `${path} đã có; không ghi đè.`,
  roundDocuments: (council: string, n: number, dir: string) =>
    `Hội đồng ${council}: đã viết Tờ trình, Danh sách đề nghị và ${n - 2} báo cáo thành tích dự thảo${dir ? ` vào ${dir}` : ''}.`,
  historyChecked: (path: string, awards: number, initiatives: number | null, errors: number) =>
    `${path}: ${awards} dòng khen thưởng${initiatives === null ? '' : `, ${initiatives} sáng kiến`} được dùng; ${errors ? `${errors} dòng có lỗi chưa được dùng (đã ghi vào trang “Kiểm tra dữ liệu”):` : 'không có lỗi.'}`,
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
  busy: (holder: string | null, since: string | null) =>
    `một lần chạy khác đang dùng kho dữ liệu này${holder ? ` (${holder}${since ? `, từ ${since}` : ''})` : ''}. Chờ lần chạy đó xong rồi chạy lại; không có gì được thay đổi.`,
  badCredentials: (reason: 'notJson' | 'invalid' | 'externalAccount') =>
    ({
      notJson:
        'tệp thông tin xác thực Google không phải JSON (cần tệp khóa tài khoản dịch vụ hoặc tệp cấu hình liên kết danh tính tải từ Google Cloud).',
      invalid:
        'tệp thông tin xác thực Google thiếu trường cần thiết (client_email, private_key, hoặc cấu hình liên kết danh tính); tải lại tệp từ Google Cloud.',
      externalAccount:
        'cấu hình liên kết danh tính (workload identity federation) không được thư viện Google nhận ra; tạo lại bằng gcloud iam workload-identity-pools create-cred-config.',
    })[reason],
  noPolicy: (year: number) =>
    `phong trào chưa có bộ tiêu chí, tỷ lệ khen thưởng hoặc điều kiện xét cho năm thi đua ${yearLabel(year)}; kiểm tra tệp cấu hình: thidua movement check.`,
  withheld: (code: string, reasons: readonly string[]) =>
    `  ${code}: chưa lập lại danh sách — ${reasons.join(' ')}`,
  otherYearUnit: (code: string, message: string) =>
    `  ${code}: ${message} Không tiếp nhận, không ghi gì vào tệp.`,
  otherYear: (count: number, year: number, anyMatched: boolean) =>
    `${count} bảng điểm là của năm thi đua khác, không phải ${yearLabel(year)}: kiểm tra --year và cột “Bảng điểm” của Danh mục đơn vị.${anyMatched ? '' : ' Không bảng điểm nào thuộc năm này: không lập đề nghị.'}`,
  unread: (count: number) =>
    `${count} đơn vị chưa đọc được bảng điểm (lỗi kết nối hoặc không truy cập được); xem report.json và chạy lại sau khi khắc phục.`,
  noCatalog: (year: number) => `Phong trào không có bộ tiêu chí cho năm thi đua ${year}.`,
  noRegistry: (path: string) => `Không tìm thấy Danh mục đơn vị: ${path}`,
  badYear: (value: string) => `--year: “${value}” không hợp lệ (ví dụ: 2024).`,
  needRegistry: () =>
    'Cần --registry TỆP (Danh mục đơn vị) hoặc --example — hoặc chạy lệnh trong thư mục của văn phòng, nơi mỗi năm thi đua có thư mục nam-<năm>/danh-muc-don-vi.xlsx.',
  adoptedStores: (from: readonly string[], to: string, items: number) =>
    `Đã chép ${items} mục dữ liệu từ kho cũ (mỗi Danh mục một kho: ${from.join(', ')}) vào kho chung của văn phòng ${to}; các thư mục cũ được giữ nguyên.`,
  noYearFolder: (year: number, folder: string) =>
    `Thư mục này chưa có Danh mục đơn vị của năm thi đua ${yearLabel(year)} (${folder}/danh-muc-don-vi.xlsx). Tạo bằng: thidua template --registry ${folder}/danh-muc-don-vi.xlsx`,
  yearNotFolder: (asked: number, folderYear: number, registry: string) =>
    `--year ${asked}, nhưng Danh mục ${registry} nằm trong thư mục của năm thi đua ${yearLabel(folderYear)}: không đọc, không ghi bảng điểm nào. Bỏ --year (năm theo thư mục), hoặc dùng Danh mục trong thư mục nam-${asked}.`,
  unknownCommand: (command: string) => `Lệnh không có: ${command}`,
  needCouncil: () => 'Cần --council MÃ_HỘI_ĐỒNG.',
  notACouncil: (typed: string, isUnit: boolean, councils: readonly string[]) =>
    `--council ${typed}: ${isUnit ? 'đơn vị này không có Hội đồng Thi đua - Khen thưởng (cột “Có Hội đồng” của Danh mục đơn vị)' : 'không có trong Danh mục đơn vị'}. Các Hội đồng trong Danh mục: ${councils.join(', ') || '(không có)'}. Không có gì được thay đổi.`,
  documents: (council: string, paths: readonly string[]) =>
    `Văn bản của Hội đồng ${council}:\n${paths.map((p) => `  ${p}`).join('\n')}`,
  noDocuments: (council: string) =>
    `Chưa lập được văn bản của Hội đồng ${council}: Danh mục đơn vị chưa ghi nơi lưu bảng đề nghị, văn bản của Hội đồng (cột “Bảng đề nghị”, “Thư mục văn bản”).`,
  noDocumentsWithheld: (council: string) =>
    `Chưa lập được văn bản của Hội đồng ${council}: danh sách chưa lập lại được — lý do ở dòng “${council}: chưa lập lại danh sách” phía trên.`,
  badRound: (value: string) => `--round: “${value}” không hợp lệ (midterm hoặc final).`,
  roundNeedsFolder: (n: number) =>
    `${n} Hội đồng chưa có bảng đề nghị của đợt: trên Google, bảng đề nghị sơ kết, tổng kết được tạo trong thư mục thuộc bộ nhớ dùng chung (shared drive; --shared-drive hoặc $THIDUA_SHARED_DRIVE_FOLDER).`,
  roundWrittenGoogle: (n: number) =>
    `Đề nghị khen thưởng đợt: ${n} bảng đề nghị đã ghi vào thư mục trong bộ nhớ dùng chung (tên “Đề nghị khen thưởng … — Hội đồng (mã)”).`,
  roundWritten: (n: number, dir: string) => `Đề nghị khen thưởng đợt: ${n} bảng đề nghị đã ghi vào ${dir}`,
  roundList: (subject: string, proposed: number, forms: string, tied: number, toCheck: number) =>
    `${subject} đề xuất ${proposed}${forms ? ` (${forms})` : ''}${tied ? `, ${tied} đồng điểm tại ngưỡng` : ''}${toCheck ? `, ${toCheck} còn điều kiện Hội đồng cần kiểm tra` : ''}`,
  roundYears: (years: readonly number[]) =>
    years.length ? `Đồng bộ bảng điểm các năm thi đua khác của đợt: ${years.map(yearLabel).join(', ')}` : '',
  roundYearSynced: (year: number, total: number, c: Record<string, number>) =>
    `  ${yearLabel(year)}: ${total} đơn vị — tiếp nhận mới ${c.accepted ?? 0}, không đổi ${c.unchanged ?? 0}, có lỗi ${c.rejected ?? 0}, chưa có bảng điểm ${c.missing ?? 0}${c.otherYear ? `, bảng điểm của năm khác ${c.otherYear}` : ''}`,
  roundYearsMissing: (
    council: string,
    years: readonly number[],
    rankedNobody: boolean,
    office: string | null,
  ) =>
    `  ${council}: chưa có dữ liệu năm thi đua ${years.map(yearLabel).join(', ')}${rankedNobody ? ' — chưa xếp hạng được ai vì thiếu năm' : ''}. ${
      office !== null
        ? `Thêm vào ${office === '.' ? 'thư mục này' : `thư mục văn phòng ${office}`} các thư mục ${years.map((y) => `nam-${y}`).join(', ')}, mỗi thư mục có danh-muc-don-vi.xlsx và bang-diem/ của năm đó, rồi chạy lại: đợt xét tự đồng bộ các năm này.`
        : `Đồng bộ từng năm vào cùng kho dữ liệu: thidua sync --google --registry-id <Danh mục của năm> --year <năm>, rồi chạy lại.`
    }`,
  publishedDecision: (version: number) => `khóa sổ lần ${version}`,
  tiesUndecided: (council: string, workbook: string | null) =>
    `Chưa khóa sổ: Hội đồng ${council} chưa quyết định các trường hợp đồng điểm tại ngưỡng${workbook ? ` trong bảng đề nghị ${workbook}` : ''}:`,
  tieBlank: (subject: string, tied: number, places: number, cells: readonly string[]) =>
    `  ${subject}: ${tied} trường hợp đồng điểm, còn được đề nghị ${places} — ghi “Có” hoặc “Không” vào ${cells.join(', ')}.`,
  tieOverflow: (subject: string, places: number, cells: readonly string[]) =>
    `  ${subject}: “Có” ở ${cells.join(', ')} nhiều hơn số còn được đề nghị (${places}) — sửa lại.`,
  tiesHow: () =>
    'Hội đồng có thể ghi “Không” cho tất cả. Ghi xong, chạy lại lệnh khóa sổ (không cần chạy lại thidua run).',
  roundUndecided: (council: string, kind: string) =>
    `Chưa khóa sổ: danh sách ${ROUND_KIND_LABEL[kind] ?? kind} của Hội đồng ${council} còn lựa chọn chưa có hoặc không hợp lệ:`,
  roundUndecidedCell: (where: string, message: string) =>
    `  ${where}: ${message || 'đồng điểm tại ngưỡng, Hội đồng chưa chọn hình thức (ghi tên hình thức hoặc “Không đề nghị”).'}`,
  needBy: () => 'Cần --by (họ tên người thực hiện).',
  needWhy: () => 'Mở lại danh sách đã khóa sổ cần --why (lý do).',
  published: (council: string, version: number) =>
    `Đã khóa sổ danh sách của Hội đồng ${council} (lần ${version}).`,
  publishedLate: (council: string, cells: readonly string[]) =>
    `Chú ý — Hội đồng ${council}: lựa chọn ghi vào ${cells.join(', ')} trong lúc khóa sổ không có trong danh sách đã khóa sổ (danh sách dùng lựa chọn đọc lúc khóa sổ; bảng đề nghị ghi rõ điều này ở trang Tổng hợp). Muốn dùng lựa chọn mới: “thidua reopen” rồi khóa sổ lại.`,
  documentsFailed: (council: string, why: string) =>
    `      văn bản của Hội đồng ${council} chưa ghi được (danh sách đã lưu): ${why}`,
  reviewProblem: (line: string) => `      điểm thẩm định, kiểm tra chưa dùng được — ${line}`,
  lateChoices: (council: string, cells: readonly string[]) =>
    `Chú ý — Hội đồng ${council}: bảng đề nghị được sửa liên tục trong lúc thidua ghi; lựa chọn ghi vào ${cells.join(', ')} chưa có trong bảng — ghi lại rồi chạy lại.`,
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
  doctor     kiểm tra một triển khai trên Google trước khi chạy: API, quyền, thư mục, nhịp gọi

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
  doctor: `Cách dùng: thidua doctor --google --registry-id MÃ [--credentials TỆP] [--history MÃ]
                     [--shared-drive THƯ_MỤC] [--reads-per-minute N] [--writes-per-minute N] [--json]

Kiểm tra, không ghi gì, mọi thứ một lần chạy cần trên Google, và nói cách sửa từng chỗ:
  - Google Sheets API và Google Drive API đã bật trong dự án (nếu chưa: đường dẫn để bật);
  - Danh mục đơn vị và Lịch sử khen thưởng (--history) đọc được;
  - bảng điểm của từng đơn vị, bảng đề nghị của từng Hội đồng đã chia sẻ cho tài khoản với quyền
    Người chỉnh sửa;
  - “Thư mục văn bản” của từng Hội đồng (và --shared-drive) nằm trong bộ nhớ dùng chung và tài
    khoản được thêm tệp vào đó;
  - vùng khóa có thể chỉ định tài khoản (biết e-mail của tài khoản), nhịp gọi trong hạn mức.
Mỗi lỗi in kèm câu trả lời của Google. Dòng bắt đầu bằng ✗ là lỗi, bằng ! là lưu ý.
Tùy chọn Google như trong "thidua run --help". Trên AWS: hàm admin, { "action": "doctor" }.
Mã thoát: 0 sẵn sàng (một lần chạy sẽ làm được, có thể kèm lưu ý); 1 còn lỗi phải sửa; 2 dùng sai lệnh.`,
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
(không làm gì); 130 đã dừng bằng Ctrl-C (các bảng điểm đang đọc được đọc xong và lưu; chạy lại
để tiếp tục); 1 lỗi; 2 dùng sai lệnh.

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
  --shared-drive THƯ_MỤC  thư mục trong bộ nhớ dùng chung (shared drive) để tạo bảng đề nghị mà Danh mục chưa ghi
                          ($THIDUA_SHARED_DRIVE_FOLDER)`,
});
