/**
 * What thidua reads from one unit, at most. A unit's workbook is input from outside: these bounds
 * keep memory and time per unit small whatever arrives (peak memory stays well under 1 GiB, an
 * oversized file is turned away in seconds), and keep every stored item and written cell within the
 * limits of the services behind (DynamoDB items ≤ 400 KB; an Excel or Sheets cell ≤ 32,767
 * characters). Each is far above what a real unit needs (the largest units have a few hundred people).
 */
export const LIMITS = {
  /** Bytes of a `.xlsx` file on disk. A real 600-person workbook is about 60 KB. */
  fileBytes: 10 * 1024 * 1024,
  /**
   * Bytes of the XML parts of a `.xlsx` once unzipped, read from the zip directory before parsing
   * (images and other media are bounded by `fileBytes`). Parsing costs about 20 bytes of memory per
   * byte of XML: at this limit a file is read in about 4 s with a peak of about 350 MB. A 3,000-person
   * workbook has about 3 MB of XML.
   */
  unzippedBytes: 16 * 1024 * 1024,
  /** Entries in a `.xlsx` zip. */
  zipEntries: 2_000,
  /** People listed by one unit. */
  peoplePerUnit: 3_000,
  /** Rows of a tab that are looked at; rows below are not read. */
  rowsPerTab: 5_000,
  /** Columns of a tab that are looked at. */
  columnsPerTab: 60,
  /** Characters in one cell (names, positions, evidence notes). */
  cellChars: 1_000,
  /** Problems kept per unit in the store and the report; the unit's own tab lists up to `feedbackProblems`. */
  storedProblems: 200,
  /** Problems listed in the unit's feedback tab (the rest counted). */
  feedbackProblems: 500,
} as const;
