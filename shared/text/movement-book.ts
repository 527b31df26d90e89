/** The movement workbook the emulation office edits: tabs, headers, notes, messages. */
import type { MovementIssue } from '../movement/movement.ts';
import { quoted, yearLabel } from './common.ts';

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
    tiers: 'Hình thức theo thứ hạng',
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
      impliesRating: 'Năm được tặng: xếp loại tối thiểu (mã)',
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
      initiatives: 'Số sáng kiến',
      basis: 'Loại khen thưởng',
      label: 'Nội dung điều kiện (như trên danh sách)',
    },
    tiers: {
      kind: 'Đợt',
      subject: 'Đối tượng',
      form: 'Hình thức (mã)',
      share: 'Phần của danh sách đề nghị',
      count: 'Hoặc số người, số tập thể',
      rounding: 'Làm tròn',
      sectorLimit: 'Giới hạn toàn Ngành',
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
      ratingRunWithInitiatives: 'Số năm liên tục đạt xếp loại, có số sáng kiến',
      movementYears: 'Phong trào thực hiện từ số năm',
      noDiscipline: 'Không bị kỷ luật trong các năm của đợt',
      manual: 'Hội đồng kiểm tra',
      anyOf: 'Một trong các điều kiện sau',
    },
    basis: {
      movement: 'Theo phong trào (kiểm tra)',
      merit: 'Theo công trạng (tham khảo)',
    },
  },
  guide: [
    'Tệp này là cấu hình của phong trào thi đua: tiêu chí và điểm, tỷ lệ khen thưởng, điều kiện xét, hình thức khen thưởng, các đợt sơ kết, tổng kết và điều kiện của từng hình thức. Văn phòng thi đua sửa tệp này (Excel hoặc Google Sheets); mọi lệnh của thidua nhận tệp này ở tùy chọn --movement.',
    'Mỗi trang là một bảng: dòng đầu là tiêu đề (không sửa, không xóa; ghi chú ở ô tiêu đề nói cột ghi gì); mỗi dòng dưới là một mục. Ô có danh sách chọn thì chọn trong danh sách. Ngày ghi theo dạng ngày/tháng/năm (31/05/2031); tỷ lệ ghi dạng phân số (1/4, 1/10) hoặc phần trăm (10%).',
    'Mỗi quy định ghi nguồn ở bốn cột cuối: văn bản, điều khoản, trạng thái nguồn và trích dẫn. “Đã đọc văn bản” chỉ dùng khi đã đọc nguyên văn điều khoản (trích ở cột ghi chú); điều do thidua hoặc Văn phòng đặt ra thì chọn “Đề xuất”.',
    'Bắt đầu phong trào mới (ví dụ 2026–2030): sao chép tệp này, sửa trang “Phong trào” (mã, tên, số kế hoạch, ngày bắt đầu và kết thúc), “Bộ tiêu chí” và “Tiêu chí” (năm áp dụng, tiêu chí, điểm), “Tỷ lệ khen thưởng” và “Điều kiện xét” (ngày áp dụng), “Đợt xét” (các năm của đợt hằng năm, sơ kết, tổng kết).',
    'Sau mỗi lần sửa, chạy “thidua movement check TỆP”: lệnh liệt kê từng lỗi với trang và ô. Các lệnh khác không chạy với tệp còn lỗi.',
    'Tiêu chí loại trừ (ví dụ để xảy ra tham nhũng, lãng phí) chỉ được hỏi trong bảng điểm khi cột “Áp dụng” là “Có”.',
    'Trang “Hình thức theo thứ hạng”: đợt sơ kết, tổng kết chia danh sách đề nghị của mỗi Hội đồng từ trên xuống — mỗi dòng một hình thức, từ cao đến thấp, với phần của danh sách (1/10) hoặc số người; dòng để trống cả hai nhận phần còn lại. “Giới hạn toàn Ngành” ghi khi Hội đồng Thi đua - Khen thưởng Trung ương thông báo số lượng.',
    'Trang “Điều kiện khen thưởng”: cột “Loại khen thưởng” phân biệt tiêu chuẩn khen thưởng theo phong trào (thidua kiểm tra khi đề xuất hình thức) với điều kiện khen thưởng theo công trạng (chỉ để Hội đồng tham khảo, không dùng để chọn hình thức).',
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
    needInitiatives: () => 'Điều kiện này cần ghi số sáng kiến.',
    notTierForm: (form: string, kind: string) => `Hình thức “${form}” không thuộc đợt ${kind}.`,
    noDiscipline: () => 'Trang “Kỷ luật” cần đúng một dòng “Là kỷ luật: Không” (không bị kỷ luật).',
    toBeforeFrom: () => '“Đến” sớm hơn “Từ”.',
    invalid: (detail: string) => `Giá trị không hợp lệ (${detail}).`,
    /** What a rule of the movement schema found (see MovementIssue), as the office reads it. */
    issue: (issue: MovementIssue): string => {
      const years = (ys: readonly number[]) => `Năm thi đua ${ys.map(yearLabel).join(', ')}`;
      switch (issue.rule) {
        case 'fractionAboveOne':
          return 'Tỷ lệ phải không quá 1 (ví dụ 1/4 hoặc 10%).';
        case 'duplicateCriterion':
          return `Mã tiêu chí ${issue.code} được dùng hai lần trong cùng bộ tiêu chí.`;
        case 'prefixCriterion':
          return `Mã tiêu chí ${issue.code} là phần đầu của mã ${issue.longer}: tiêu đề cột của bảng điểm không phân biệt được, hãy đặt mã khác.`;
        case 'yearsReversed':
          return '“Đến năm thi đua” sớm hơn “Từ năm thi đua”.';
        case 'unknownForm':
          return `Hình thức “${issue.form}” không có ở trang “Hình thức khen thưởng”.`;
        case 'tierNotForm':
          return `Hình thức “${issue.form}” không thuộc các hình thức của đợt này (trang “Đợt xét”).`;
        case 'unknownRating':
          return `Xếp loại “${issue.rating}” không có ở trang “Xếp loại”.`;
        case 'oneNoDiscipline':
          return 'Trang “Kỷ luật” cần đúng một dòng “Là kỷ luật: Không” (không bị kỷ luật).';
        case 'noCatalog':
          return `${years(issue.years)} chưa có bộ tiêu chí: kéo dài “Đến năm thi đua” của bộ tiêu chí cuối, hoặc thêm bộ tiêu chí mới (trang “Bộ tiêu chí” và “Tiêu chí”).`;
        case 'noQuota':
          return `${years(issue.years)} chưa có tỷ lệ khen thưởng áp dụng: kéo dài “Đến ngày” của quy định cuối, hoặc thêm một dòng.`;
        case 'noEligibility':
          return `${years(issue.years)} chưa có điều kiện xét áp dụng: kéo dài “Đến ngày” của quy định cuối, hoặc thêm một dòng.`;
        case 'noAnnualRound':
          return `${years(issue.years)} không thuộc đợt xét hằng năm nào: kéo dài “Đến năm thi đua” của đợt “Hằng năm”.`;
        case 'roundOutsidePeriod':
          return `Đợt xét năm thi đua ${yearLabel(issue.from)} đến ${yearLabel(issue.to)} nằm ngoài thời gian của phong trào (${yearLabel(issue.first)} đến ${yearLabel(issue.last)}): sửa năm của đợt, hoặc ngày kết thúc phong trào ở trang “Phong trào”.`;
      }
    },
    /** A value the movement schema refused for its shape (a zod issue's code), in words. */
    shape: {
      missing: 'chưa có giá trị',
      wrongType: 'sai kiểu giá trị',
      tooFewItems: (n: number) => `cần ít nhất ${n} mục`,
      tooSmall: (n: number) => `phải từ ${n} trở lên`,
      tooBig: (n: number) => `phải không quá ${n}`,
      oneOf: (options: readonly string[]) => `chọn một trong: ${options.join('; ')}`,
      format: 'sai định dạng',
      other: 'không dùng được',
    },
    notAFile: (location: string) =>
      `“${location}” không phải tệp cấu hình phong trào (.json hoặc .xlsx); mã bảng tính Google chỉ dùng được cùng --google.`,
    hasProblems: (location: string, lines: readonly string[]) =>
      `Cấu hình phong trào “${location}” có ${lines.length} lỗi; sửa rồi chạy lại (kiểm tra: thidua movement check):\n  ${lines.join('\n  ')}`,
  },
} as const;
