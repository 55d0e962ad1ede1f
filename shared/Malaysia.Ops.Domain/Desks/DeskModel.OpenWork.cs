namespace Malaysia.Ops.Domain.Desks;

public sealed partial class DeskModel
{
    /// <summary>Where <see cref="OpenWork"/> keeps an item.</summary>
    private enum Shelf
    {
        /// <summary>May move on its own: scanned for what is due next.</summary>
        Active,

        /// <summary>Only waits for a free engineer.</summary>
        WaitingLine,

        /// <summary>Only waits for another desk's help.</summary>
        AwaitingHelp,
    }

    /// <summary>
    /// The desk's open items, held so that what the model does per event does not grow with the
    /// desk's backlog. Two kinds of item cannot change on their own: one only waiting for a free
    /// engineer (queued, acknowledged, workable by now, needing no help, not paged) changes when
    /// an engineer takes it; one only waiting for another desk's help (acknowledged and asked
    /// for it) changes when the help comes. Either also changes when a dark period starts or the
    /// desk hands it over or lets it go. The first kind waits in a line already in the order
    /// engineers take work (most severe, then longest workable, then oldest); both are left out
    /// of the scans for what is due next. Everything else is active and scanned.
    /// </summary>
    private sealed class OpenWork
    {
        private readonly List<WorkItem> active = [];
        private readonly SortedSet<WorkItem> waitingLine = new(EngineerOrder.Instance);
        private readonly HashSet<WorkItem> awaitingHelp = [];
        private readonly Dictionary<string, WorkItem> byIncident = [];

        public int Count => byIncident.Count;

        /// <summary>Items that may move on their own; the shelved ones are not among them.</summary>
        public IReadOnlyList<WorkItem> Active => active;

        public int WaitingCount => waitingLine.Count;

        /// <summary>Every open item, the active ones first.</summary>
        public IEnumerable<WorkItem> All => active.Concat(waitingLine).Concat(awaitingHelp);

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
            if (!TakeOffShelf(item))
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
                item.Shelf = Shelf.Active;
                return true;
            }

            active.RemoveAll(RemoveFromIndex);
            waitingLine.RemoveWhere(RemoveFromIndex);
            awaitingHelp.RemoveWhere(RemoveFromIndex);
        }

        /// <summary>Makes an item active before anything about it changes (its place in the
        /// waiting line depends on it).</summary>
        public void Activate(WorkItem item)
        {
            if (TakeOffShelf(item))
            {
                active.Add(item);
            }
        }

        /// <summary>Everything back to active: a dark period moves the workable instants of
        /// items that wait.</summary>
        public void ActivateAll()
        {
            foreach (var item in waitingLine.Concat(awaitingHelp))
            {
                item.Shelf = Shelf.Active;
                active.Add(item);
            }

            waitingLine.Clear();
            awaitingHelp.Clear();
        }

        /// <summary>Shelves the active items that now only wait, for an engineer or for help.</summary>
        public void Shelve(DateTimeOffset now)
        {
            active.RemoveAll(item =>
            {
                if (item is not { Phase: Phase.Queued, Acknowledged: true })
                {
                    return false;
                }

                if (item.Assist == AssistState.Waiting)
                {
                    awaitingHelp.Add(item);
                    item.Shelf = Shelf.AwaitingHelp;
                    return true;
                }

                if (item.OnCall || !CanStart(item) || item.WorkableFrom > now)
                {
                    return false;
                }

                waitingLine.Add(item);
                item.Shelf = Shelf.WaitingLine;
                return true;
            });
        }

        /// <summary>Takes an item off its shelf; false when it was active.</summary>
        private bool TakeOffShelf(WorkItem item)
        {
            var shelved = item.Shelf switch
            {
                Shelf.WaitingLine => waitingLine.Remove(item),
                Shelf.AwaitingHelp => awaitingHelp.Remove(item),
                _ => false,
            };
            item.Shelf = Shelf.Active;
            return shelved;
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
