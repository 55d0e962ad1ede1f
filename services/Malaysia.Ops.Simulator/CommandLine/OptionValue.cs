using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Malaysia.Ops.Domain.Load;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>The kinds of value the simulator's options take, each read from its text with an
/// error that names the option and what is wrong with the text. Whether a value makes sense
/// (its range, what it needs beside it) is <see cref="SimulatorSettings.Problems"/>' to say.</summary>
internal static class OptionValue
{
    public static Option<string?> Text(string name, string helpName, string description) =>
        Create<string?>(name, helpName, description, "text", text => text);

    public static Option<double?> Number(string name, string helpName, string description) =>
        Create<double?>(name, helpName, description, "a number", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null);

    public static Option<int?> WholeNumber(string name, string helpName, string description) =>
        Create<int?>(name, helpName, description, "a whole number", text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null);

    public static Option<DateTimeOffset?> Instant(string name, string helpName, string description) =>
        Create<DateTimeOffset?>(name, helpName, description, "an instant (e.g. 2026-07-13T00:00:00Z)", text =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null);

    public static Option<LoadShape?> Shape(string name, string helpName, string description) =>
        Create<LoadShape?>(name, helpName, description, "a load shape (constant, ramp or spike)", text =>
            Enum.TryParse<LoadShape>(text, ignoreCase: true, out var shape) && Enum.IsDefined(shape) ? shape : null);

    /// <summary>An option given more than once takes its last value, so that options after a
    /// response file override the file's.</summary>
    private static Option<T> Create<T>(string name, string helpName, string description, string kind, Func<string, T?> read) => new(name)
    {
        HelpName = helpName,
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result =>
        {
            var value = default(T);
            foreach (var text in result.Tokens.Select(t => t.Value))
            {
                // The option took the next option for its value: it was given none.
                var problem = text.StartsWith("--", StringComparison.Ordinal) ? $"{name}: needs a value"
                    : (value = read(text)) is null ? $"{name}: '{text}' is not {kind}"
                    : null;
                if (problem is not null)
                {
                    result.AddError(problem);
                    return default;
                }
            }

            return value;
        },
    };
}
