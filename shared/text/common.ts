/** Small pieces the other texts share: the emulation year as people write it, round names, quoting what was typed. */

export const yearLabel = (year: number) => `${year}–${year + 1}`;
export const ROUND_KIND_LABEL: Record<string, string> = { midterm: 'sơ kết', final: 'tổng kết' };

export const MORE_PROBLEMS = (count: number) =>
  `… và ${count} lỗi, lưu ý khác; danh sách đầy đủ ở trang “Kiểm tra dữ liệu” của bảng điểm.`;

/** A value from a workbook, quoted in a message: cut so that no message grows with what was typed. */
export const quoted = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max)}…` : value);
