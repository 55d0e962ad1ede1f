namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>Endpoint metadata: the access level of a changing endpoint.</summary>
public sealed record ConsoleAccessMetadata(ConsoleAccessLevel Level);

public static class ConsoleAccessExtensions
{
    public static TBuilder Allow<TBuilder>(this TBuilder builder, ConsoleAccessLevel level)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ConsoleAccessMetadata(level));
}
