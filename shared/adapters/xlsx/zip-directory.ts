/**
 * The central directory of a zip file (a `.xlsx` is one), read without unzipping anything: each
 * entry's name and sizes, so an oversized or zip-bomb workbook is refused before it is expanded.
 */
export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entries, or undefined when the bytes are not a zip file (or a ZIP64 one, which no real workbook needs). */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is within the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) return undefined;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let p = offset, i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== DIRECTORY_ENTRY) return undefined;
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return undefined;
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      compressedSize,
      uncompressedSize,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
