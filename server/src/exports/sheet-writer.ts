import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export type ExportFormat = 'xlsx' | 'csv';

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Rows out as they come, never a whole file in memory: xlsx through exceljs's streaming writer
 * (each row committed), CSV line by line, waiting when the socket is full. A CSV holds one sheet
 * after the other, each under its own title line.
 */
export interface SheetWriter {
  sheet(name: string, headers: string[]): Promise<void>;
  row(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

export function sheetWriter(format: ExportFormat, out: Writable): SheetWriter {
  return format === 'xlsx' ? xlsxWriter(out) : csvWriter(out);
}

function xlsxWriter(out: Writable): SheetWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  let sheet: ExcelJS.Worksheet | null = null;
  return {
    async sheet(name, headers) {
      sheet?.commit();
      sheet = book.addWorksheet(name);
      sheet.addRow(headers).commit();
    },
    async row(cells) {
      sheet!.addRow(cells).commit();
      await drained(out);
    },
    async end() {
      await book.commit();
    },
  };
}

function csvWriter(out: Writable): SheetWriter {
  let lines = 0;
  const line = async (cells: Cell[]) => {
    // The byte-order mark tells Excel on Chinese Windows the file is UTF-8 rather than GBK.
    const text = (lines++ === 0 ? '\uFEFF' : '') + cells.map(csvCell).join(',') + '\r\n';
    if (!out.write(text)) await drained(out);
  };
  return {
    async sheet(name, headers) {
      // A later sheet follows after an empty line, under its name.
      if (lines > 0) {
        await line([]);
        await line([name]);
      }
      await line(headers);
    },
    row: line,
    async end() {
      const done = once(out, 'finish');
      out.end();
      await done;
    },
  };
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  // A text Excel would run as a formula (a resident's "=HYPERLINK(…)") is kept as text.
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', resolve));
}
