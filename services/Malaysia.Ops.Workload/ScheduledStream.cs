namespace Malaysia.Ops.Workload;

/// <summary>
/// The items of a stream in time order, each due at its instant, up to an end. Those due before
/// <paramref name="skipBefore"/> are skipped: a source that restarts carries on with the same
/// stream instead of raising again all it raised before. Pure: time is what it is given.
/// </summary>
internal sealed class ScheduledStream<T>(IEnumerable<T> stream, Func<T, DateTimeOffset> dueAt, DateTimeOffset? until, DateTimeOffset skipBefore)
    where T : class
{
    private readonly IEnumerator<T> items = stream.GetEnumerator();
    private T? next;
    private bool ended;

    /// <summary>When the next item falls due; null once the stream has ended.</summary>
    public DateTimeOffset? NextDueAt() => Peek() is { } item ? dueAt(item) : null;

    /// <summary>The items due by <paramref name="now"/>, in order.</summary>
    public IReadOnlyList<T> Advance(DateTimeOffset now)
    {
        var due = new List<T>();
        while (Peek() is { } item && dueAt(item) <= now)
        {
            due.Add(item);
            next = null;
        }

        return due;
    }

    private T? Peek()
    {
        while (next is null && !ended)
        {
            if (!items.MoveNext() || (until is { } end && dueAt(items.Current) > end))
            {
                ended = true;
                items.Dispose();
            }
            else if (dueAt(items.Current) >= skipBefore)
            {
                next = items.Current;
            }
        }

        return next;
    }
}
