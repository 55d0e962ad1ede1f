using Malaysia.Ops.Scenarios.History;

namespace Malaysia.Ops.Scenarios.Tests.History;

public class CsvReaderSpecs
{
    private static List<CsvRecord> ReadAll(string text)
    {
        var reader = new CsvReader(new StringReader(text));
        var records = new List<CsvRecord>();
        while (reader.Next() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void Quoted_fields_hold_commas_line_breaks_and_doubled_quotes()
    {
        var records = ReadAll("a,b,c\r\n\"x, y\",\"two\r\nlines\",\"say \"\"hi\"\"\"\r\nlast,,\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "two\r\nlines", "say \"hi\""], records[1].Fields);
        Assert.Equal(["last", string.Empty, string.Empty], records[2].Fields);
    }

    [Fact]
    public void A_record_is_numbered_by_the_line_it_starts_on()
    {
        var records = ReadAll("h\n\"one\ntwo\nthree\"\nnext\n");

        Assert.Equal([1L, 2L, 5L], records.Select(r => r.Line));
    }

    [Fact]
    public void A_last_record_without_a_line_break_is_read()
    {
        Assert.Equal(["b"], ReadAll("a\nb")[1].Fields);
    }

    [Theory]
    [InlineData("a\n\"open,b\n", 2, "a quoted field is not closed before the end of the file")]
    [InlineData("a\nx\"y\n", 2, "a quote inside a field that does not start with one (quote the whole field and double the quote)")]
    [InlineData("a\n\"x\"y\n", 2, "text after the closing quote of a field")]
    public void Text_that_is_not_csv_is_refused_at_its_line(string text, long line, string message)
    {
        var error = Assert.Throws<CsvFormatException>(() => ReadAll(text));

        Assert.Equal((line, message), (error.Line, error.Message));
    }

    [Fact]
    public void A_field_too_long_to_be_an_incident_is_refused_without_reading_on()
    {
        var huge = new string('x', CsvReader.MaxFieldLength + 1);

        var error = Assert.Throws<CsvFormatException>(() => ReadAll($"a\n{huge}\n"));

        Assert.Equal($"a field longer than {CsvReader.MaxFieldLength} characters", error.Message);
    }
}
