using System.Reflection;

namespace Malaysia.Ops.Service.Tests;

/// <summary>Stands in for one of MassTransit's context interfaces, which only a broker's transport
/// builds: payloads (TryGetPayload) and properties as given, every other member its default.</summary>
public class TransportFake : DispatchProxy
{
    private readonly Dictionary<Type, object> payloads = [];
    private readonly Dictionary<string, object?> properties = new(StringComparer.Ordinal);

    public static T Of<T>(IReadOnlyDictionary<Type, object>? payloads = null, IReadOnlyDictionary<string, object?>? properties = null)
        where T : class
    {
        var fake = DispatchProxy.Create<T, TransportFake>();
        var state = (TransportFake)(object)fake;
        foreach (var (type, payload) in payloads ?? new Dictionary<Type, object>())
        {
            state.payloads[type] = payload;
        }

        foreach (var (name, value) in properties ?? new Dictionary<string, object?>())
        {
            state.properties[name] = value;
        }

        return fake;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        if (method.Name == "TryGetPayload" && args is { Length: 1 })
        {
            var found = payloads.TryGetValue(method.GetGenericArguments()[0], out var payload);
            args[0] = payload;
            return found;
        }

        if (method.Name.StartsWith("get_", StringComparison.Ordinal) && properties.TryGetValue(method.Name[4..], out var value))
        {
            return value;
        }

        if (method.ReturnType == typeof(Task))
        {
            return Task.CompletedTask;
        }

        return method.ReturnType.IsValueType && method.ReturnType != typeof(void) ? Activator.CreateInstance(method.ReturnType) : null;
    }
}
