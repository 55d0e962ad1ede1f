using YamlDotNet.Core;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>Well-formed YAML that a scenario file may not use (see <see cref="BoundedParser"/>);
/// reported as it is, not as a syntax error.</summary>
internal sealed class YamlLimitException(Mark start, Mark end, string message) : YamlException(start, end, message);
