using System.CommandLine;
using System.CommandLine.Parsing;
using Malaysia.Ops.ServiceDefaults.Hosting;

namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>A bad command line as one line naming the option and what is wrong, and the exit
/// code of a bad option.</summary>
internal static class CommandLineError
{
    /// <summary>The first problem of a command line that did not parse: a known option's before
    /// an unknown word's, since a known option missing its value leaves the words after it over.</summary>
    public static string Describe(ParseResult result)
    {
        var error = result.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult) ?? result.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { Tokens.Count: 0 } option => $"{option.Option.Name}: needs a value",
            CommandResult when result.UnmatchedTokens.Count > 0 => $"{result.UnmatchedTokens[0]}: unknown option (see --help)",

            // The options' own messages, and a response file's.
            _ => error.Message,
        };
    }

    public static async Task<int> WriteAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync($"error: {problem}");
        return OpsHost.ExitConfiguration;
    }
}
