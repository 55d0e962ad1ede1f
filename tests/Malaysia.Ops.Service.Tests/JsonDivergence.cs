using System.Globalization;
using System.Text.Json;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Where two JSON documents first differ: the path (e.g. <c>$.run.summary.handoffs</c>
/// or <c>$.comparison[1].costPerDay</c>) and both values there; null when they are the same.</summary>
internal static class JsonDivergence
{
    public static string? First(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        return First("$", left.RootElement, right.RootElement);
    }

    private static string? First(string path, JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return Differ(path, left, right);
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var rightProperties = right.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var property in left.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (!rightProperties.Remove(property.Name, out var other))
                    {
                        return $"{at}: {property.Value.GetRawText()} vs (missing)";
                    }

                    if (First(at, property.Value, other) is { } divergence)
                    {
                        return divergence;
                    }
                }

                return rightProperties.Count == 0 ? null : $"{path}.{rightProperties.Keys.First()}: (missing) vs {rightProperties.Values.First().GetRawText()}";
            case JsonValueKind.Array:
                var leftItems = left.EnumerateArray().ToList();
                var rightItems = right.EnumerateArray().ToList();
                for (var i = 0; i < Math.Min(leftItems.Count, rightItems.Count); i++)
                {
                    if (First(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), leftItems[i], rightItems[i]) is { } divergence)
                    {
                        return divergence;
                    }
                }

                return leftItems.Count == rightItems.Count ? null : string.Create(CultureInfo.InvariantCulture, $"{path}: {leftItems.Count} items vs {rightItems.Count}");
            default:
                return left.GetRawText() == right.GetRawText() ? null : Differ(path, left, right);
        }
    }

    private static string Differ(string path, JsonElement left, JsonElement right) => $"{path}: {left.GetRawText()} vs {right.GetRawText()}";
}
