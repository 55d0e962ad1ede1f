using System.Text.Json;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Reads a JSON stream token by token through a buffer that holds only the value being read, so
/// that a list of a million alerts never sits in memory at once. A UTF-8 byte order mark is skipped.
/// </summary>
internal sealed class JsonValueStream(Stream stream, int maxDepth)
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private byte[] buffer = new byte[1 << 16];
    private int length;

    /// <summary>Where the reader's span starts in the buffer: past a byte order mark until the
    /// first refill moves the unread bytes to the front.</summary>
    private int origin;
    private bool final;

    /// <summary>A reader over the start of the stream.</summary>
    public Utf8JsonReader Start()
    {
        while (length < ByteOrderMark.Length && !final)
        {
            Fill();
        }

        origin = buffer.AsSpan(0, length).StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        return new Utf8JsonReader(
            buffer.AsSpan(origin, length - origin), final, new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth }));
    }

    /// <summary>Reads the next token; with <paramref name="whole"/>, an object or list is read to its
    /// end and <paramref name="value"/> holds its bytes (valid until the next read).</summary>
    /// <returns>The token's type; <see cref="JsonTokenType.None"/> at the end of the stream.</returns>
    /// <exception cref="JsonException">The stream is not JSON or is too deep.</exception>
    public JsonTokenType Next(ref Utf8JsonReader reader, bool whole, out ReadOnlyMemory<byte> value)
    {
        while (true)
        {
            var before = reader;
            if (!reader.Read())
            {
                if (final)
                {
                    value = default;
                    return JsonTokenType.None;
                }

                reader = Refilled(before);
                continue;
            }

            var start = origin + (int)reader.TokenStartIndex;
            if (whole && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                reader = Refilled(before);
                continue;
            }

            value = buffer.AsMemory(start, origin + (int)reader.BytesConsumed - start);
            return reader.TokenType;
        }
    }

    private Utf8JsonReader Refilled(Utf8JsonReader reader)
    {
        var consumed = origin + (int)reader.BytesConsumed;
        var unread = length - consumed;
        origin = 0;
        if (consumed == 0 && unread == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        else
        {
            Buffer.BlockCopy(buffer, consumed, buffer, 0, unread);
            length = unread;
        }

        Fill();
        return new Utf8JsonReader(buffer.AsSpan(0, length), final, reader.CurrentState);
    }

    private void Fill()
    {
        var read = stream.Read(buffer, length, buffer.Length - length);
        length += read;
        final = read == 0;
    }
}
