using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>
/// A JSON request body read field by field, so that every problem (a missing field, a number
/// that is text, a value out of range, an unknown name) is reported against the field it is in,
/// all at once, as a validation problem — never as a binding exception.
/// </summary>
public sealed class RequestBody
{
    private readonly JsonElement root;
    private readonly Dictionary<string, string[]> errors;

    // A nested object's fields are reported as "items[0].summary", in its parent's problem.
    private readonly string prefix;

    private RequestBody(JsonElement root, Dictionary<string, string[]>? errors = null, string prefix = "")
    {
        this.root = root;
        this.errors = errors ?? new(StringComparer.Ordinal);
        this.prefix = prefix;
    }

    public bool HasErrors => errors.Count > 0;

    /// <summary>The body as an object, or a problem saying why it is not one (empty, not JSON,
    /// too large).</summary>
    public static async Task<(RequestBody? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, bool optional = false)
    {
        // An optional body sent without a content type is no body (a bare POST).
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Body.CanSeek && request.Headers.TransferEncoding.Count == 0)
            || (optional && string.IsNullOrEmpty(request.ContentType)))
        {
            return optional
                ? (new RequestBody(JsonDocument.Parse("{}").RootElement), null)
                : (null, Problem(StatusCodes.Status400BadRequest, "The request needs a JSON body", "Send a JSON object with Content-Type: application/json."));
        }

        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON", $"Content-Type was '{request.ContentType}'; send application/json."));
        }

        // Kestrel refuses larger bodies before they are read; this holds behind any server.
        if (request.ContentLength > ConsoleDefaults.MaxRequestBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            var bytes = new byte[ConsoleDefaults.MaxRequestBytes + 1];
            var length = 0;
            int read;
            while (length < bytes.Length && (read = await request.Body.ReadAsync(bytes.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            if (length > ConsoleDefaults.MaxRequestBytes)
            {
                return (null, TooLarge());
            }

            using var document = JsonDocument.Parse(bytes.AsMemory(0, length), new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object", $"Found a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}."));
            }

            return (new RequestBody(document.RootElement.Clone()), null);
        }
        catch (JsonException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON", $"Line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message.Split(" Path:", 2)[0]}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    private static ProblemHttpResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"At most {ConsoleDefaults.MaxRequestBytes} bytes are accepted.");

    public static ProblemHttpResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);

    /// <summary>A number in [min, max]; null (and a problem, when required) if absent or wrong.</summary>
    public double? Number(string field, double min, double max, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }

        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }
        else
        {
            return Fail<double?>(field, $"'{Shown(value)}' is not a number");
        }

        return double.IsFinite(number) && number >= min && number <= max
            ? number
            : Fail<double?>(field, string.Create(CultureInfo.InvariantCulture, $"{number} is out of range (from {min} to {max})"));
    }

    /// <summary>Text of at most <paramref name="maxLength"/> characters, trimmed; empty counts as absent.</summary>
    public string? Text(string field, int maxLength, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(field, $"'{Shown(value)}' is not text");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return required ? Fail<string>(field, "is required") : null;
        }

        return text.Length <= maxLength ? text : Fail<string>(field, $"is {text.Length} characters long; at most {maxLength}");
    }

    /// <summary>A list of at most <paramref name="maxItems"/> texts of at most
    /// <paramref name="maxLength"/> characters each; empty when absent.</summary>
    public IReadOnlyList<string> TextList(string field, int maxItems, int maxLength)
    {
        if (!TryGet(field, required: false, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<string>>(field, $"'{Shown(value)}' is not a list of texts") ?? [];
        }

        if (value.GetArrayLength() > maxItems)
        {
            return Fail<IReadOnlyList<string>>(field, $"has {value.GetArrayLength()} entries; at most {maxItems}") ?? [];
        }

        var texts = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return Fail<IReadOnlyList<string>>(field, $"'{Shown(item)}' is not text") ?? [];
            }

            var text = item.GetString()!.Trim();
            if (text.Length > maxLength)
            {
                return Fail<IReadOnlyList<string>>(field, $"an entry is {text.Length} characters long; at most {maxLength}") ?? [];
            }

            texts.Add(text);
        }

        return texts;
    }

    public bool? Flag(string field, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Fail<bool?>(field, $"'{Shown(value)}' is not true or false"),
        };
    }

    /// <summary>One of an enum's names, written as the API writes them ("Sev1", "drop-next-briefing").</summary>
    public TEnum? Choice<TEnum>(string field, bool required)
        where TEnum : struct, Enum
    {
        var text = Text(field, 100, required);
        if (text is null)
        {
            return null;
        }

        foreach (var option in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ApiNames.Of(option), text, StringComparison.OrdinalIgnoreCase) || string.Equals(option.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return option;
            }
        }

        return Fail<TEnum?>(field, $"'{text}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(ApiNames.Of))}");
    }

    /// <summary>An array of at most <paramref name="maxCount"/> objects, each read as a body of
    /// its own whose problems are named "field[i].name"; null if absent or not such an array.</summary>
    public IReadOnlyList<RequestBody>? Objects(string field, int maxCount, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<RequestBody>>(field, $"'{Shown(value)}' is not a list");
        }

        var items = value.EnumerateArray().ToList();
        if (items.Count > maxCount)
        {
            return Fail<IReadOnlyList<RequestBody>>(field, $"has {items.Count} entries; at most {maxCount}");
        }

        var bodies = new List<RequestBody>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                Fail<object>($"{field}[{i}]", $"'{Shown(items[i])}' is not an object");
                continue;
            }

            bodies.Add(new RequestBody(items[i], errors, $"{prefix}{field}[{i}]."));
        }

        return bodies;
    }

    /// <summary>A list of one to <paramref name="maxCount"/> texts of at most
    /// <paramref name="maxLength"/> characters each, trimmed, blank ones left out.</summary>
    public IReadOnlyList<string>? Texts(string field, int maxCount, int maxLength, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return Fail<IReadOnlyList<string>>(field, $"'{Shown(value)}' is not a list of texts");
        }

        var texts = value.EnumerateArray().Select(v => v.GetString()!.Trim()).Where(t => t.Length > 0).ToList();
        return texts.Count == 0 ? (required ? Fail<IReadOnlyList<string>>(field, "is required") : null)
            : texts.Count > maxCount ? Fail<IReadOnlyList<string>>(field, $"has {texts.Count} entries; at most {maxCount}")
            : texts.FirstOrDefault(t => t.Length > maxLength) is { } tooLong ? Fail<IReadOnlyList<string>>(field, $"has an entry {tooLong.Length} characters long; at most {maxLength}")
            : texts;
    }

    /// <summary>Reports a problem with a field found by a rule spanning fields.</summary>
    public void Problem(string field, string problem) => Fail<object>(field, problem);

    public ValidationProblem ValidationProblem() =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields");

    private bool TryGet(string field, bool required, out JsonElement value)
    {
        if (root.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Fail<object>(field, "is required");
        }

        return false;
    }

    private T? Fail<T>(string field, string problem)
    {
        var name = prefix + field;
        errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, problem] : [problem];
        return default;
    }

    private static string Shown(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
