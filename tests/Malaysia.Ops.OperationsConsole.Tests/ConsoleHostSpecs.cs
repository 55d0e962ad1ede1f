using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Malaysia.Ops.OperationsConsole.Tests;

/// <summary>
/// DNS rebinding: a page on a name the attacker points at the console's address sends that name
/// as both Host and Origin. In Development, where no token is needed, only the console's own
/// hosts (loopback, its URLs' hosts and Console:AllowedHosts) may drive the run.
/// </summary>
public sealed class ConsoleHostSpecs : IClassFixture<ConsoleHostSpecs.Console>
{
    public const string ExtraHost = "ops.example.test";

    private readonly Console console;

    public ConsoleHostSpecs(Console console) => this.console = console;

    public sealed class Console : WebApplicationFactory<ConsoleOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Console:AllowedHosts", $"{ExtraHost}; [::2]");
            builder.UseSetting("Console:Speed", "600");
        }
    }

    private async Task<HttpResponseMessage> Send(string path, string body, string host, string origin)
    {
        using var client = console.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Host = host;
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/run/pause", "{}")]
    [InlineData("/api/incidents", """{ "type": "ModelDrift", "severity": "Sev3" }""")]
    public async Task A_page_on_a_name_rebound_to_the_console_is_refused(string path, string body)
    {
        using var response = await Send(path, body, "evil.example:5180", "http://evil.example:5180");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/run/pause", "{}", "127.0.0.1:5180", "http://127.0.0.1:5180")]
    [InlineData("/api/incidents", """{ "type": "ModelDrift", "severity": "Sev3" }""", "localhost:5180", "http://localhost:5180")]
    [InlineData("/api/run/pause", "{}", ExtraHost, "https://" + ExtraHost)]
    [InlineData("/api/incidents", """{ "type": "ModelDrift", "severity": "Sev3" }""", ExtraHost, "https://" + ExtraHost)]
    [InlineData("/api/run/pause", "{}", "[::2]:8080", "http://[::2]:8080")]
    public async Task The_consoles_own_page_and_a_configured_host_may_drive_the_run(string path, string body, string host, string origin)
    {
        using var response = await Send(path, body, host, origin);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_page_on_another_port_of_the_consoles_host_is_refused()
    {
        using var response = await Send("/api/run/pause", "{}", "localhost:5180", "http://localhost:9999");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_page_on_another_host_is_refused_even_when_the_request_names_the_consoles_host()
    {
        using var response = await Send("/api/run/pause", "{}", ExtraHost, "http://evil.example:5180");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("http://ops.example.test", "'http://ops.example.test' is not a host name or address")]
    [InlineData("ops.example.test:443", "'ops.example.test:443' is not a host name or address")]
    [InlineData("*", "'*' is not a host name or address")]
    public void A_configured_host_that_is_not_a_host_name_is_named(string entry, string problem)
    {
        var result = new ConsoleOptionsValidator().Validate(null, new ConsoleOptions { AllowedHosts = $"localhost;{entry}" });

        Assert.Contains($"Console:AllowedHosts: {problem}", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
