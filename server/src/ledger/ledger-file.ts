import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { LEDGER_COLUMNS, LEDGER_MAX_ROWS, LEDGER_REQUIRED_COLUMNS, normaliseCell, type LedgerCells, type LedgerColumn } from '@linli/shared';
import { AppError } from '../common/app-error.js';

/** A ledger file read into cells: which columns it has, and each data row by its spreadsheet row number. */
export interface LedgerSheet {
  columns: LedgerColumn[];
  rows: { row: number; cells: LedgerCells }[];
}

const unreadable = (message: string) => new AppError(422, 'LEDGER_FILE_UNREADABLE', message);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // .xls and other old Office files
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Cells named in a refusal: enough to find them, not a page of them. */
const NAMED = 10;

/**
 * An xlsx workbook (its first sheet) or a CSV in UTF-8 (with or without BOM) or GBK, judged by the bytes, not the
 * name: a zip is a workbook, anything else a CSV whose encoding is UTF-8 if it decodes strictly as UTF-8, else GBK
 * if it decodes as GBK without a replacement character. Whatever cannot be read so is refused whole.
 */
export async function readLedgerFile(bytes: Buffer, filename: string): Promise<LedgerSheet> {
  if (bytes.length === 0) throw new AppError(422, 'LEDGER_FILE_EMPTY', '文件是空的，请检查后重新选择');
  let grid: { row: number; values: string[] }[];
  if (bytes.subarray(0, 4).equals(ZIP)) grid = await readWorkbook(bytes);
  else if (bytes.subarray(0, 4).equals(OLE)) throw unreadable('这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入');
  else if (/\.xlsx$/i.test(filename)) throw unreadable('文件名是 .xlsx，内容却不是 Excel 工作簿，请用 Excel 另存为 .xlsx 后再导入');
  else grid = readCsv(decodeText(bytes));
  return toSheet(grid);
}

function decodeText(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gbk');
    if (text.includes('\uFFFD')) throw unreadable('无法识别文件的编码：请用 Excel 另存为“CSV UTF-8”或 .xlsx 后再导入');
  }
  // Binary files (a photo, a PDF, UTF-16 text) decode to control characters that no spreadsheet cell holds.
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 4096))) throw unreadable('这不是 CSV 文本文件，请导入 .xlsx 或 CSV 文件');
  return text;
}

function readCsv(text: string): { row: number; values: string[] }[] {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, max_record_size: 64 * 1024 });
  } catch (e) {
    throw unreadable(`CSV 格式有误：${(e as Error).message.split('\n')[0].slice(0, 120)}`);
  }
  return records.map((values, i) => ({ row: i + 1, values }));
}

/** A workbook unpacks to at most this much XML: a 10 MB file of repeated cells must not fill the server's memory. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** The sum of the uncompressed sizes a zip's central directory declares; Infinity when it cannot be read (or is ZIP64). */
export function zipUnpackedBytes(zip: Buffer): number {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) return Infinity;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return Infinity;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

async function readWorkbook(bytes: Buffer): Promise<{ row: number; values: string[] }[]> {
  if (zipUnpackedBytes(bytes) > MAX_UNPACKED_BYTES) throw unreadable('这个 Excel 文件解压后过大或已损坏，请另存为 .xlsx 或 CSV 后再导入');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('无法打开这个 Excel 文件，请用 Excel 另存为 .xlsx 后再导入');
  }
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0) ?? book.worksheets[0];
  if (!sheet) throw new AppError(422, 'LEDGER_FILE_EMPTY', '工作簿里没有工作表，请用模板填写后重新上传');
  const merges: string[] = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length) {
    throw new AppError(422, 'LEDGER_FILE_MERGED_CELLS', `表格有合并单元格（${merges.slice(0, NAMED).join('、')}${merges.length > NAMED ? '等' : ''}），请取消合并并在每一行填上完整内容后再导入`);
  }
  if (sheet.actualRowCount > LEDGER_MAX_ROWS + 1) throw tooManyRows();
  const formulas: string[] = [];
  const grid: { row: number; values: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula || (cell.value as { sharedFormula?: string } | null)?.sharedFormula) {
        formulas.push(cell.address);
        return;
      }
      values[col - 1] = cellText(cell);
    });
    grid.push({ row: rowNumber, values: Array.from(values, (v) => v ?? '') });
  });
  if (formulas.length) {
    throw new AppError(422, 'LEDGER_FILE_FORMULAS', `表格有公式（${formulas.slice(0, NAMED).join('、')}${formulas.length > NAMED ? '等' : ''}），请复制后“粘贴为数值”再导入`);
  }
  return grid;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return cell.text ?? '';
}

function tooManyRows(): AppError {
  return new AppError(422, 'LEDGER_TOO_MANY_ROWS', `一次最多导入 ${LEDGER_MAX_ROWS} 行，请分楼栋分批导入`);
}

/** The header row names the columns (any order, extra columns ignored, `面积（㎡）`-style notes dropped). */
function toSheet(grid: { row: number; values: string[] }[]): LedgerSheet {
  const nonEmpty = grid.filter((r) => r.values.some((v) => normaliseCell(v) !== ''));
  const [header, ...data] = nonEmpty;
  if (!header) throw new AppError(422, 'LEDGER_FILE_EMPTY', '文件里没有内容，请用模板填写后重新上传');
  const index = new Map<LedgerColumn, number>();
  header.values.forEach((v, i) => {
    const name = normaliseCell(v).replace(/[(（].*[)）]$/, '').trim();
    const column = LEDGER_COLUMNS.find((c) => c === name);
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = LEDGER_REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    throw new AppError(422, 'LEDGER_COLUMNS_MISSING', `第${header.row}行应为表头，缺少这些列：${missing.join('、')}（请下载导入模板对照后补齐）`);
  }
  if (data.length === 0) throw new AppError(422, 'LEDGER_FILE_EMPTY', '表头下面没有数据行，请填写住户后重新上传');
  if (data.length > LEDGER_MAX_ROWS) throw tooManyRows();
  const columns = [...index.keys()];
  return {
    columns,
    rows: data.map((r) => {
      const cells: LedgerCells = {};
      for (const [column, i] of index) if (r.values[i] !== undefined && r.values[i] !== '') cells[column] = r.values[i];
      return { row: r.row, cells };
    }),
  };
}
