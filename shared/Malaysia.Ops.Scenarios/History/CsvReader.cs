using System.Text;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Reads RFC 4180 CSV one record at a time: fields separated by commas, records by CRLF or LF,
/// a field in double quotes may hold commas, line breaks and doubled quotes. Only the current
/// record is held, and a field or record is refused past <see cref="MaxFieldLength"/> and
/// <see cref="MaxFields"/>, so memory stays bounded whatever the file's size or content.
/// </summary>
internal sealed class CsvReader(TextReader reader)
{
    /// <summary>Longer than any incident export's field; a description pasted in whole fits.</summary>
    public const int MaxFieldLength = 65_536;

    /// <summary>PagerDuty's export has about forty columns.</summary>
    public const int MaxFields = 1_000;

    private readonly char[] buffer = new char[65_536];
    private readonly StringBuilder field = new();
    private int position;
    private int filled;
    private long line = 1;

    /// <summary>The next record; null at the end of the text. A blank line is a record of one
    /// empty field, as the RFC has it; callers skip it.</summary>
    /// <exception cref="CsvFormatException">The text is not CSV from here on.</exception>
    public CsvRecord? Next()
    {
        if (Peek() < 0)
        {
            return null;
        }

        var start = line;
        var fields = new List<string>();
        while (true)
        {
            var ended = ReadField(start);
            if (fields.Count == MaxFields)
            {
                throw new CsvFormatException(start, $"a record of more than {MaxFields} fields");
            }

            fields.Add(field.ToString());
            if (ended)
            {
                return new CsvRecord(start, fields);
            }
        }
    }

    /// <summary>Reads one field into <see cref="field"/>; true if it ended its record.</summary>
    private bool ReadField(long recordLine)
    {
        field.Clear();
        if (Peek() == '"')
        {
            Take();
            ReadQuoted(recordLine);
        }

        while (true)
        {
            var c = Take();
            switch (c)
            {
                case < 0 or '\n':
                    return true;
                case '\r' when Peek() == '\n':
                    Take();
                    return true;
                case ',':
                    return false;
                case '"':
                    throw new CsvFormatException(line, "a quote inside a field that does not start with one (quote the whole field and double the quote)");
                default:
                    Append((char)c, recordLine);
                    break;
            }
        }
    }

    private void ReadQuoted(long recordLine)
    {
        while (true)
        {
            var c = Take();
            if (c < 0)
            {
                throw new CsvFormatException(recordLine, "a quoted field is not closed before the end of the file");
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    if (Peek() is >= 0 and not (',' or '\r' or '\n'))
                    {
                        throw new CsvFormatException(line, "text after the closing quote of a field");
                    }

                    return;
                }

                Take();
            }

            Append((char)c, recordLine);
        }
    }

    private void Append(char c, long recordLine)
    {
        if (field.Length == MaxFieldLength)
        {
            throw new CsvFormatException(recordLine, $"a field longer than {MaxFieldLength} characters");
        }

        field.Append(c);
    }

    private int Peek()
    {
        if (position == filled)
        {
            filled = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            if (filled <= 0)
            {
                filled = 0;
                return -1;
            }
        }

        return buffer[position];
    }

    private int Take()
    {
        var c = Peek();
        if (c >= 0)
        {
            position++;
            if (c == '\n')
            {
                line++;
            }
        }

        return c;
    }
}
