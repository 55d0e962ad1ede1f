using System.Net;
using System.Text.RegularExpressions;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>
/// The board page as a browser loads it: its script is an ES module that imports the others, and
/// a browser runs a module only when it is served with a JavaScript content type.
/// </summary>
public sealed partial class BoardPageSpecs(ConsoleApiSpecs.Console console) : IClassFixture<ConsoleApiSpecs.Console>
{
    [GeneratedRegex("""<script type="module" src="([^"]+)"></script>""")]
    private static partial Regex ModuleScript();

    [GeneratedRegex("""^import .* from '([^']+)';$""", RegexOptions.Multiline)]
    private static partial Regex Import();

    [Fact]
    public async Task Every_module_the_page_imports_is_served_as_JavaScript()
    {
        using var client = console.CreateClient();
        var page = new Uri(client.BaseAddress!, "/");
        var html = await client.GetStringAsync(page);
        var pending = new Queue<Uri>(ModuleScript().Matches(html).Select(m => new Uri(page, m.Groups[1].Value)));
        var served = new HashSet<Uri>();

        while (pending.TryDequeue(out var module))
        {
            if (!served.Add(module))
            {
                continue;
            }

            using var response = await client.GetAsync(module);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{module.AbsolutePath}: {response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            foreach (Match import in Import().Matches(await response.Content.ReadAsStringAsync()))
            {
                pending.Enqueue(new Uri(module, import.Groups[1].Value));
            }
        }

        // The page's own script and the parts of the board it imports.
        Assert.Contains(served, m => m.AbsolutePath == "/board.js");
        Assert.Contains(served, m => m.AbsolutePath == "/board/render.js");
    }
}
