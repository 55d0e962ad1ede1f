using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// A YAML parser that remembers where the last event it produced ended. Some malformed input
/// (a flow list or mapping left open before the next "key:" line) makes the scanner fail
/// without a position; this is then the best place to point the author at.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastPosition { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastPosition = current.End;
        }

        return moved;
    }
}
