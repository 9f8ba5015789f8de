// A small RFC 4180 CSV reader: quoted fields (with "" for a quote, commas and line breaks inside),
// CRLF or LF line ends, a leading BOM. Returns each record with the 1-based line it starts on, so
// problems can name the line a person sees in a spreadsheet or editor. Separator: comma or semicolon
// (what spreadsheets in comma-decimal locales write), chosen from the header line.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
}

function separatorOf(text: string): ',' | ';' {
  const headerEnd = text.search(/\r?\n/);
  const header = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const commas = header.split(',').length;
  const semicolons = header.split(';').length;
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteOpenedOnLine = 0;

  const endRecord = (): void => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else inQuotes = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      inQuotes = true;
      quoteOpenedOnLine = line;
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else field += char;
  }
  if (inQuotes) throw new CsvFormatError(`The quote opened on line ${quoteOpenedOnLine} is never closed.`);
  endRecord();
  return records;
}
