namespace Malaysia.Ops.Domain.Desks;

public sealed partial class DeskModel
{
    /// <summary>
    /// The desk's open items, held so that what the model does per event does not grow with the
    /// desk's backlog. An item that is only waiting for a free engineer (queued, acknowledged,
    /// workable by now, needing no help, not paged) can change only when an engineer takes it,
    /// a dark period starts, or the desk hands it over: it waits in a line already in the order
    /// engineers take work (most severe, then longest workable, then oldest) and is left out of
    /// the scans for what is due next. Everything else is active and scanned as before.
    /// </summary>
    private sealed class OpenWork
    {
        private readonly List<WorkItem> active = [];
        private readonly SortedSet<WorkItem> waitingLine = new(EngineerOrder.Instance);
        private readonly Dictionary<string, WorkItem> byIncident = [];

        public int Count => byIncident.Count;

        /// <summary>Items that may move on their own; the waiting line is not among them.</summary>
        public IReadOnlyList<WorkItem> Active => active;

        public int WaitingCount => waitingLine.Count;

        /// <summary>Every open item, the active ones first.</summary>
        public IEnumerable<WorkItem> All => active.Concat(waitingLine);

        /// <summary>The first <paramref name="count"/> items of the waiting line, in the order
        /// engineers take them.</summary>
        public IEnumerable<WorkItem> FirstWaiting(int count) => count > 0 ? waitingLine.Take(count) : [];

        /// <summary>The open item of an incident (an incident is open at most once here).</summary>
        public WorkItem? Find(string incidentId) => byIncident.GetValueOrDefault(incidentId);

        public void Add(WorkItem item)
        {
            byIncident.Add(item.IncidentId, item);
            active.Add(item);
        }

        public void Remove(WorkItem item)
        {
            byIncident.Remove(item.IncidentId);
            if (item.InWaitingLine)
            {
                waitingLine.Remove(item);
                item.InWaitingLine = false;
            }
            else
            {
                active.Remove(item);
            }
        }

        public void RemoveAll(Predicate<WorkItem> predicate)
        {
            bool RemoveFromIndex(WorkItem item)
            {
                if (!predicate(item))
                {
                    return false;
                }

                byIncident.Remove(item.IncidentId);
                item.InWaitingLine = false;
                return true;
            }

            active.RemoveAll(RemoveFromIndex);
            waitingLine.RemoveWhere(RemoveFromIndex);
        }

        /// <summary>Takes an item out of the waiting line before anything about it changes (its
        /// place in the line depends on it).</summary>
        public void Activate(WorkItem item)
        {
            if (item.InWaitingLine)
            {
                waitingLine.Remove(item);
                item.InWaitingLine = false;
                active.Add(item);
            }
        }

        /// <summary>Everything back to active: a dark period moves the waiting items' workable
        /// instants.</summary>
        public void ActivateAll()
        {
            foreach (var item in waitingLine)
            {
                item.InWaitingLine = false;
                active.Add(item);
            }

            waitingLine.Clear();
        }

        /// <summary>Moves the active items that now only wait for an engineer into the line.</summary>
        public void LineUp(DateTimeOffset now)
        {
            active.RemoveAll(item =>
            {
                if (item is not { Phase: Phase.Queued, Acknowledged: true, OnCall: false } || !CanStart(item) || item.WorkableFrom > now)
                {
                    return false;
                }

                waitingLine.Add(item);
                item.InWaitingLine = true;
                return true;
            });
        }
    }

    /// <summary>The order engineers take queued work in: most severe, then longest workable,
    /// then oldest (sequence numbers are unique, so no two items are equal).</summary>
    private sealed class EngineerOrder : IComparer<WorkItem>
    {
        public static readonly EngineerOrder Instance = new();

        public int Compare(WorkItem? x, WorkItem? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var bySeverity = x.Severity.CompareTo(y.Severity);
            if (bySeverity != 0)
            {
                return bySeverity;
            }

            var byWorkable = x.WorkableFrom.CompareTo(y.WorkableFrom);
            return byWorkable != 0 ? byWorkable : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
