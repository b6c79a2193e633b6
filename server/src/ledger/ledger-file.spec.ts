import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readLedgerFile, zipUnpackedBytes } from './ledger-file.js';

describe('ledger files', () => {
  it('counts what a workbook unpacks to from its central directory, and refuses a zip bomb unread', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRow(['楼栋', '门牌', '姓名', '身份']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const unpacked = zipUnpackedBytes(bytes);
    expect(unpacked).toBeGreaterThan(bytes.length);
    expect(unpacked).toBeLessThan(100_000);
    // The same directory claiming 4 GB for one entry.
    const bomb = Buffer.from(bytes);
    const dir = bomb.readUInt32LE(bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    bomb.writeUInt32LE(0xfffffffe, dir + 24);
    expect(zipUnpackedBytes(bomb)).toBeGreaterThan(4e9);
    await expect(readLedgerFile(bomb, 'a.xlsx')).rejects.toMatchObject({ code: 'LEDGER_FILE_UNREADABLE' });
    expect(zipUnpackedBytes(Buffer.from('PK\x03\x04 not really a zip'))).toBe(Infinity);
  });

  it('reads a CSV with quoted cells, extra columns and a noted header, numbering rows as a spreadsheet does', async () => {
    const csv = '\uFEFF备注,楼栋,门牌,姓名,身份,专有部分面积（㎡）\r\n"x, y",青和居1栋,101,"王""秀""英",业主,89.5\r\n\r\n,青和居1栋,201,李明,家属,\r\n';
    expect(await readLedgerFile(Buffer.from(csv), 'a.csv')).toEqual({
      columns: ['楼栋', '门牌', '姓名', '身份', '专有部分面积'],
      rows: [
        { row: 2, cells: { 楼栋: '青和居1栋', 门牌: '101', 姓名: '王"秀"英', 身份: '业主', 专有部分面积: '89.5' } },
        { row: 4, cells: { 楼栋: '青和居1栋', 门牌: '201', 姓名: '李明', 身份: '家属' } },
      ],
    });
  });
});
