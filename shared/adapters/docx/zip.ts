/**
 * A zip package writer for the few small parts of a `.docx`: each entry deflated with node:zlib,
 * its CRC-32, local headers, the central directory and its end record (PKWARE APPNOTE 4.3). No
 * timestamps from the clock: a fixed date, so the same document gives the same bytes.
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00, the earliest date a zip entry can carry. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The package of `entries` (name → content), in the order given. */
export function zip(entries: readonly (readonly [string, string | Uint8Array])[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    /** The fields the local header and the central directory share, from `at` on. */
    const common = (buffer: Buffer, at: number) => {
      buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      buffer.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      buffer.writeUInt16LE(8, at + 4); // deflate
      buffer.writeUInt16LE(DOS_TIME, at + 6);
      buffer.writeUInt16LE(DOS_DATE, at + 8);
      buffer.writeUInt32LE(crc, at + 10);
      buffer.writeUInt32LE(packed.length, at + 14);
      buffer.writeUInt32LE(data.length, at + 18);
      buffer.writeUInt16LE(fileName.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4); // then no extra field
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0
    common(header, 6); // then no extra, comment, disk or attributes
    header.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    central.push(header, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
