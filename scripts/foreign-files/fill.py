"""Fills thidua's templates as an office's own script would: openpyxl loads each workbook, types
values into the cells a person fills, and saves it (openpyxl's own package, as any Python tool
writes it). Run by scripts/foreign-files/make.sh; the results are test fixtures.

Usage: fill.py registry DIR   the registry (DIR/danh-muc-don-vi.xlsx), before the units' workbooks exist
       fill.py rest DIR       DIR/bang-diem/A.xlsx, lich-su-khen-thuong.xlsx, phong-trao.xlsx
"""
import os
import sys

import openpyxl

step, folder = sys.argv[1], sys.argv[2]


def put(ws, row, values):
    for col, value in enumerate(values, start=1):
        if value is not None:
            ws.cell(row=row, column=col, value=value)


if step == 'registry':
    # A province at the top (no VKSNDTC row) and one district unit.
    path = os.path.join(folder, 'danh-muc-don-vi.xlsx')
    wb = openpyxl.load_workbook(path)
    ws = wb['Đơn vị']
    put(ws, 2, ['HD', 'Viện kiểm sát nhân dân tỉnh Hà Nam', None, 'Tỉnh', None, 'Có', 'bang-diem/HD.xlsx', 12])
    put(ws, 3, ['A', 'Viện kiểm sát nhân dân khu vực 1 – Hà Nam', 'HD', 'Khu vực', 'Cụm 1', None, 'bang-diem/A.xlsx', 8])
    wb.save(path)
    sys.exit(0)

# A unit's score workbook: the info, the collective's self scores, three people.
path = os.path.join(folder, 'bang-diem', 'A.xlsx')
wb = openpyxl.load_workbook(path)
info = wb['Thông tin']
for row in info.iter_rows(min_row=1, max_row=12):
    if row[0].value == 'Người lập biểu':
        row[1].value = 'Lê Thị Thu'
    if row[0].value == 'Điện thoại liên hệ':
        row[1].value = '0226 3852 000'
collective = wb['Tập thể']
for row in collective.iter_rows(min_row=2, max_row=collective.max_row):
    if row[0].value and row[2].value is not None:
        row[3].value = row[2].value - 1
people = wb['Cá nhân']
put(people, 2, [1, 'A-001', 'Nguyễn Văn An', 'Viện trưởng', 'Có', 'Nam', 'Hoàn thành xuất sắc nhiệm vụ', 'Không', 20, 19, 15, 14, 15, 5, 10, 9])
put(people, 3, [2, 'A-002', 'Trần Thị Bình', 'Kiểm sát viên', 'Không', 'Nữ', 'Hoàn thành tốt nhiệm vụ', 'Không', 18, 18, 14, 14, 13, 5, 9])
# A Vietnamese decimal typed as text, as a clerk types it.
put(people, 4, [3, 'A-003', 'Lê Văn Cường', 'Chuyên viên', 'Không', 'Nam', 'Hoàn thành nhiệm vụ', 'Không', '15,5', 16, 12, 12, 12, 4, 8])
wb.save(path)

# The award history: a prior Bằng khen and a CSTĐCS, and an initiative.
path = os.path.join(folder, 'lich-su-khen-thuong.xlsx')
wb = openpyxl.load_workbook(path)
put(wb['Lịch sử khen thưởng'], 2, ['Cá nhân', 'A-001', 'Nguyễn Văn An', '2018–2019', 'Chiến sĩ thi đua cơ sở', 'Theo thành tích', '12/QĐ-VKS', '20/07/2019'])
put(wb['Lịch sử khen thưởng'], 3, ['Cá nhân', 'A-001', 'Nguyễn Văn An', '2017–2018', 'Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao', 'Theo công trạng', '345/QĐ-VKSTC', '01/09/2018'])
put(wb['Sáng kiến'], 2, ['A-001', 'Nguyễn Văn An', 'Sổ tay kiểm sát điện tử', '2022–2023', 'Cơ sở', '5/QĐ-VKS', '15/07/2023'])
wb.save(path)

# The movement workbook: loaded and saved as it is (nothing typed), and it must still check.
path = os.path.join(folder, 'phong-trao.xlsx')
openpyxl.load_workbook(path).save(path)
