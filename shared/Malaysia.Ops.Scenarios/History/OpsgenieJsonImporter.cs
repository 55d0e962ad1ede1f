using System.Globalization;
using System.Text.Json;
using Malaysia.Ops.Scenarios.Reading;

namespace Malaysia.Ops.Scenarios.History;

/// <summary>
/// Opsgenie's alerts as JSON: a list of alerts, or an object with the list under "data" (as
/// the API pages it). The first tag the mapping names gives the type, the priority (P1-P5) the
/// severity, and report.closeTime (milliseconds) the work time. Owners, responders, notes and
/// the other fields are not read; the message is kept only when asked for. The file is read
/// alert by alert, so that its size does not bound what can be imported.
/// </summary>
internal static class OpsgenieJsonImporter
{
    /// <summary>An alert is three or four levels deep; anything deeper is not an export.</summary>
    private const int MaxDepth = 16;

    public static List<ImportedIncident> Read(Stream json, RowProblems problems, HistoryMapping mapping, ImportOptions options)
    {
        var incidents = new List<ImportedIncident>();
        var values = new JsonValueStream(json, MaxDepth);
        var reader = values.Start();
        try
        {
            var found = values.Next(ref reader, whole: false, out var root);
            if (found == JsonTokenType.StartArray)
            {
                ReadAlerts(values, ref reader, "$", incidents, problems, mapping, options);
            }
            else if (found == JsonTokenType.StartObject)
            {
                ReadEnvelope(values, ref reader, incidents, problems, mapping, options);
            }
            else if (found == JsonTokenType.None)
            {
                problems.AtPath("$", "not JSON: the file is empty");
            }
            else
            {
                Report(root, "$", "expected a list of alerts, found", problems);
            }

            // Whatever follows the list is read too, so that a damaged end is reported.
            while (values.Next(ref reader, whole: true, out _) != JsonTokenType.None)
            {
            }
        }
        catch (JsonException ex)
        {
            problems.AtPath("$", $"not JSON: {ex.Message}");
        }

        return incidents;
    }

    /// <summary>The object the API pages alerts in: the list is under "data", the rest is skipped.</summary>
    private static void ReadEnvelope(
        JsonValueStream values, ref Utf8JsonReader reader, List<ImportedIncident> incidents, RowProblems problems, HistoryMapping mapping, ImportOptions options)
    {
        var hasData = false;
        while (values.Next(ref reader, whole: false, out _) == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("data"u8))
            {
                values.Next(ref reader, whole: true, out _);
                continue;
            }

            hasData = true;
            if (values.Next(ref reader, whole: false, out var data) == JsonTokenType.StartArray)
            {
                ReadAlerts(values, ref reader, "$.data", incidents, problems, mapping, options);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                SkipObject(values, ref reader);
                problems.AtPath("$.data", "expected a list of alerts, found an object");
            }
            else
            {
                Report(data, "$.data", "expected a list of alerts, found", problems);
            }
        }

        if (!hasData)
        {
            problems.AtPath("$", "expected a list of alerts, found an object");
        }
    }

    private static void ReadAlerts(
        JsonValueStream values,
        ref Utf8JsonReader reader,
        string path,
        List<ImportedIncident> incidents,
        RowProblems problems,
        HistoryMapping mapping,
        ImportOptions options)
    {
        var index = 0;
        while (values.Next(ref reader, whole: true, out var bytes) is not (JsonTokenType.EndArray or JsonTokenType.None))
        {
            if (++index % ImportOptions.ProgressEvery == 0)
            {
                options.Progress?.Report(index);
            }

            using var alert = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (ToIncident(alert.RootElement, $"{path}[{index - 1}]", problems, mapping, options) is { } incident)
            {
                incidents.Add(incident);
            }
        }

        options.Progress?.Report(index);
    }

    /// <summary>Skips the object just started token by token: it may be as large as a list of alerts.</summary>
    private static void SkipObject(JsonValueStream values, ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (values.Next(ref reader, whole: false, out _) != JsonTokenType.None
            && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
        }
    }

    /// <summary>Reports a value that is not what <paramref name="path"/> should hold.</summary>
    private static void Report(ReadOnlyMemory<byte> value, string path, string problem, RowProblems problems)
    {
        using var document = JsonDocument.Parse(value);
        problems.AtPath(path, $"{problem} {Describe(document.RootElement)}");
    }

    private static ImportedIncident? ToIncident(JsonElement alert, string path, RowProblems problems, HistoryMapping mapping, ImportOptions options)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            problems.AtPath(path, $"expected an alert, found {Describe(alert)}");
            return null;
        }

        var id = Text(alert, "id", path, problems, required: true);
        var createdText = Text(alert, "createdAt", path, problems, required: true);
        DateTimeOffset? created = null;
        if (createdText is not null)
        {
            created = ExportValue.Instant(createdText, out var problem);
            if (problem is not null)
            {
                problems.AtPath($"{path}.createdAt", problem);
            }
        }

        var priority = Text(alert, "priority", path, problems, required: true);
        var type = Tags(alert, path, problems).Select(mapping.TypeOf).FirstOrDefault(t => t is not null);
        var closeMs = CloseTime(alert, path, problems);
        if (id is null || created is null || priority is null)
        {
            return null;
        }

        return new ImportedIncident(
            id,
            created.Value,
            type ?? mapping.UnmappedType,
            mapping.SeverityOf(priority),
            closeMs / 60_000,
            options.KeepText ? Text(alert, "message", path, problems, required: false) : null);
    }

    private static string? Text(JsonElement alert, string field, string path, RowProblems problems, bool required)
    {
        if (!alert.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.AtPath($"{path}.{field}", "is missing");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || StringOf(value)?.Trim() is not { Length: > 0 } text)
        {
            problems.AtPath($"{path}.{field}", $"expected text, found {Describe(value)}");
            return null;
        }

        return text;
    }

    private static List<string> Tags(JsonElement alert, string path, RowProblems problems)
    {
        if (!alert.TryGetProperty("tags", out var tags) || tags.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var names = tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray().Select(StringOf).ToList() : null;
        if (names is null || names.Any(n => n is null))
        {
            problems.AtPath($"{path}.tags", $"expected a list of tags, found {Describe(tags)}");
            return [];
        }

        return names!;
    }

    private static double? CloseTime(JsonElement alert, string path, RowProblems problems)
    {
        if (!alert.TryGetProperty("report", out var report) || report.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (report.ValueKind != JsonValueKind.Object)
        {
            return Reported(problems, $"{path}.report", $"expected an object, found {Describe(report)}");
        }

        if (!report.TryGetProperty("closeTime", out var close) || close.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (close.ValueKind != JsonValueKind.Number || !close.TryGetDouble(out var ms) || !double.IsFinite(ms))
        {
            return Reported(problems, $"{path}.report.closeTime", $"expected milliseconds, found {Describe(close)}");
        }

        return ms < 0
            ? Reported(problems, $"{path}.report.closeTime", $"{ms.ToString(CultureInfo.InvariantCulture)} is negative: the alert closes before it is created")
            : ms;
    }

    private static double? Reported(RowProblems problems, string path, string problem)
    {
        problems.AtPath(path, problem);
        return null;
    }

    /// <summary>The text of a JSON string; null if it is not a string or not valid UTF-8 (a
    /// lone surrogate escape, a damaged byte), which the reader refuses to convert.</summary>
    private static string? StringOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => StringOf(value) is { } text ? ProblemText.Quote(text) : "text that is not valid UTF-8",
        JsonValueKind.Null => "nothing",
        _ => ProblemText.Quote(value.GetRawText()),
    };
}
