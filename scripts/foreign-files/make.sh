#!/usr/bin/env bash
# Writes test/fixtures/foreign/: thidua's own templates (registry, a unit's score workbook, the
# award history, the movement workbook), filled and saved by the tools offices use instead of
# Excel — openpyxl (a Python script: fill.py) and LibreOffice Calc (the same files opened and
# saved again by `soffice --convert-to xlsx`). The files are committed; the tests read them.
# Needs python3 with openpyxl (Debian: python3-openpyxl) and soffice (libreoffice-calc).
# Google Sheets' .xlsx download cannot be made on a machine without Google: see the README there.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-python3}
"$python" -c 'import openpyxl' 2>/dev/null || python=/usr/bin/python3
"$python" -c 'import openpyxl' || { echo "needs openpyxl (apt-get install python3-openpyxl)" >&2; exit 1; }
command -v soffice >/dev/null || { echo "needs soffice (apt-get install libreoffice-calc)" >&2; exit 1; }

out=test/fixtures/foreign
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
thidua() { npx tsx shared/cli/main.ts "$@" >/dev/null; }

# openpyxl: thidua writes each template, the script fills it (the registry before the units exist).
dir="$work/openpyxl"
mkdir -p "$dir"
thidua movement template "$dir/phong-trao.xlsx"
thidua template --history "$dir/lich-su-khen-thuong.xlsx"
thidua template --registry "$dir/danh-muc-don-vi.xlsx"
"$python" scripts/foreign-files/fill.py registry "$dir"
# The registry as openpyxl saved it is what `template` reads to write the units' workbooks.
thidua template --registry "$dir/danh-muc-don-vi.xlsx"
"$python" scripts/foreign-files/fill.py rest "$dir"

# LibreOffice Calc: the same workbooks opened and saved again (its own package from end to end).
lo="$work/libreoffice"
mkdir -p "$lo/bang-diem"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$lo" "$dir/danh-muc-don-vi.xlsx" "$dir/lich-su-khen-thuong.xlsx" "$dir/phong-trao.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$lo/bang-diem" "$dir/bang-diem/A.xlsx" >/dev/null
# openpyxl keeps no computed results: LibreOffice computed the totals when it opened the file.

# Files that are not a .xlsx but are named one, as offices send them: an Excel 97–2003 file and an
# OpenDocument spreadsheet, both written by LibreOffice from the same unit workbook.
other="$work/not-xlsx"
mkdir -p "$other"
for format in xls ods; do
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to "$format" \
    --outdir "$other" "$dir/bang-diem/A.xlsx" >/dev/null
  mv "$other/A.$format" "$other/A-$format.xlsx"
done
rm -rf "${out:?}/not-xlsx"
cp -r "$other" "$out/not-xlsx"

for tool in openpyxl libreoffice; do
  rm -rf "${out:?}/$tool"
  mkdir -p "$out/$tool/bang-diem"
  cp "$work/$tool/danh-muc-don-vi.xlsx" "$work/$tool/lich-su-khen-thuong.xlsx" "$work/$tool/phong-trao.xlsx" "$out/$tool/"
  cp "$work/$tool/bang-diem/A.xlsx" "$out/$tool/bang-diem/"
done
find "$out" -name '*.xlsx' | sort
