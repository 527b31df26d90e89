/**
 * An emulation office's folder, as the office keeps its years side by side:
 *
 *   <office>/nam-2022/danh-muc-don-vi.xlsx, nam-2022/bang-diem/…   one folder per emulation year
 *   <office>/nam-2023/…, nam-2024/…
 *   <office>/lich-su-khen-thuong.xlsx                               the award history (or in a year's folder)
 *   <office>/.thidua/store/                                          the office's one store (every year)
 *   <office>/ket-qua/2024/, ket-qua/final-2019-2025/                  what thidua writes for people
 *
 * Whichever year's registry a command is given, or from whichever of these folders it is run, it
 * works on the same store and the same output tree: the office's identity is its folder, not the
 * path of one year's registry. A registry directly in a folder (not in `nam-<year>/`) makes that
 * folder the office, its year the one `--year` or the movement says — the bundled example's layout,
 * whose earlier years are `nam-<year>/` folders beside its registry.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** thidua's own folder (stores, the bundled example) in a folder it works in. */
export const DATA_DIR = '.thidua';
/** A year's registry in its folder. */
export const REGISTRY_FILE = 'danh-muc-don-vi.xlsx';

const YEAR_FOLDER = /^nam-(\d{4})$/;

/** The folder of an emulation year in an office's folder. */
export const yearFolder = (root: string, year: number) => join(root, `nam-${year}`);

/** The emulation year a folder's name says (`nam-2024` → 2024), if it says one. */
export function yearOfFolder(dir: string): number | undefined {
  const match = YEAR_FOLDER.exec(basename(dir));
  return match ? Number(match[1]) : undefined;
}

export interface Office {
  /** The office's folder. */
  readonly root: string;
  /** The registry this command works on. */
  readonly registryPath: string;
  /** The emulation year the registry's folder names (`nam-<year>/`); undefined when it names none. */
  readonly folderYear: number | undefined;
}

/** The office a registry belongs to: the folder above its `nam-<year>/` folder, or its own folder. */
export function officeOf(registryPath: string): Office {
  const path = resolve(registryPath);
  const dir = dirname(path);
  const folderYear = yearOfFolder(dir);
  return { root: folderYear === undefined ? dir : dirname(dir), registryPath: path, folderYear };
}

/** The office's default store: one for all its years. */
export const officeStore = (root: string) => join(root, DATA_DIR, 'store');
/** The office's default output tree: a folder per year (`2024/`) and per round (`final-2019-2025/`). */
export const officeOutput = (root: string) => join(root, 'ket-qua');

/** The year folders of an office that hold a registry: year → the registry's path, oldest first. */
export function yearRegistries(root: string): Map<number, string> {
  const found = new Map<number, string>();
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return found;
  }
  for (const name of names.sort()) {
    const year = yearOfFolder(name);
    const registry = join(root, name, REGISTRY_FILE);
    if (year !== undefined && existsSync(registry)) found.set(year, registry);
  }
  return found;
}

/**
 * The registry a command run in `cwd` without `--registry` works on: the one in `cwd` itself (an
 * office's folder in the flat layout, or a `nam-<year>/` folder), else the year folder's — the
 * year asked for, or the latest. Undefined when `cwd` is no office's folder.
 */
export function findRegistry(cwd: string, year: number | undefined): string | undefined {
  const here = join(resolve(cwd), REGISTRY_FILE);
  if (existsSync(here)) return here;
  const years = yearRegistries(cwd);
  if (year !== undefined) return years.get(year);
  return [...years.values()].at(-1);
}

/** The emulation year of the nearest `nam-<year>/` folder a file lies in (a unit's workbook in `nam-2024/bang-diem/`). */
export function yearOfPath(path: string): number | undefined {
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
    const year = yearOfFolder(dir);
    if (year !== undefined) return year;
  }
  return undefined;
}
