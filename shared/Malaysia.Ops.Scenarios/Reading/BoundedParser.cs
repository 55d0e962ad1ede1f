using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Malaysia.Ops.Scenarios.Reading;

/// <summary>
/// Stops reading YAML that no scenario needs and that would otherwise exhaust the reader, as the
/// events go by and before any node is built:
/// <list type="bullet">
/// <item>nesting deeper than <see cref="MaxDepth"/>: the YAML library builds nodes recursively,
/// and a file nested some ten thousand levels deep overflows the stack, which ends the process
/// instead of failing the load;</item>
/// <item>a key that is a list, a mapping or an alias: the library hashes keys by their whole
/// content, so an alias bomb used as a key ("billion laughs") never finishes; field names are
/// plain text anyway;</item>
/// <item>more than <see cref="MaxAliases"/> aliases: reusing a list of desks takes one, and
/// every alias multiplies what the mapping walks.</item>
/// </list>
/// </summary>
internal sealed class BoundedParser(IParser inner) : IParser
{
    /// <summary>The deepest a scenario goes is about six levels (compare, desks, cost...).</summary>
    public const int MaxDepth = 32;

    public const int MaxAliases = 100;

    // The open collections, innermost on top: for a mapping, whether its next node is a key
    // (a mapping alternates key and value); a list has no keys.
    private readonly Stack<(bool IsMapping, bool NextIsKey)> open = new();
    private int aliases;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                var start = (NodeEvent)inner.Current;
                RefuseAsKey(start, start is MappingStart ? "a mapping" : "a list");
                if (open.Count >= MaxDepth)
                {
                    throw new YamlLimitException(start.Start, start.End, $"nested more than {MaxDepth} levels deep");
                }

                open.Push((start is MappingStart, start is MappingStart));
                break;
            case MappingEnd or SequenceEnd:
                open.Pop();
                NodeDone();
                break;
            case AnchorAlias alias:
                RefuseAsKey(alias, $"the alias *{alias.Value}");
                if (++aliases > MaxAliases)
                {
                    throw new YamlLimitException(alias.Start, alias.End, $"more than {MaxAliases} aliases");
                }

                NodeDone();
                break;
            case Scalar:
                NodeDone();
                break;
        }

        return true;
    }

    private void RefuseAsKey(ParsingEvent node, string what)
    {
        if (open.TryPeek(out var parent) && parent.NextIsKey)
        {
            throw new YamlLimitException(node.Start, node.End, $"{what} as a key: keys must be plain field names");
        }
    }

    /// <summary>A whole node has been read: in a mapping, a key is followed by its value and a
    /// value by the next key.</summary>
    private void NodeDone()
    {
        if (open.TryPop(out var parent))
        {
            open.Push(parent with { NextIsKey = parent.IsMapping && !parent.NextIsKey });
        }
    }
}
