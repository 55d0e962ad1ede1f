namespace Malaysia.Ops.Domain.Desks;

public sealed partial class DeskModel
{
    /// <summary>Where <see cref="OpenWork"/> keeps an item: one place per state that the model
    /// asks about, so no question scans items it does not concern.</summary>
    private enum Place
    {
        /// <summary>Not held, or taken out to be changed and put back.</summary>
        None,

        /// <summary>Being worked, by the finish instant.</summary>
        InProgress,

        /// <summary>Briefed, reviewed on a timer: by the instant it is queried or accepted.</summary>
        UnderReview,

        /// <summary>Briefed, waiting for a person's decision: due at no instant.</summary>
        WithPerson,

        /// <summary>Queued, not acknowledged, workable by the shift once acknowledged.</summary>
        Unacknowledged,

        /// <summary>Queued, not acknowledged, paged or needing help first.</summary>
        UnacknowledgedOther,

        /// <summary>Acknowledged and paged to the on-call engineer, who starts it when workable.</summary>
        Paged,

        /// <summary>Acknowledged, for the shift, workable only from a later instant.</summary>
        WorkableLater,

        /// <summary>Acknowledged, to ask another desk for help once workable.</summary>
        HelpToAsk,

        /// <summary>Acknowledged and workable: waits only for a free engineer.</summary>
        WaitingLine,

        /// <summary>Acknowledged, asked for help: waits only for it.</summary>
        AwaitingHelp,
    }

    /// <summary>
    /// The desk's open items, held so that what the model does per event does not grow with the
    /// desk's backlog. An item's place follows from its state alone (<see cref="PlaceOf"/>):
    /// the places due at an instant are ordered by it (and the item's sequence, so no two items
    /// are equal), the waiting line is in the order engineers take work, and the places due at
    /// no instant are plain sets. Each item remembers the key it is ordered by, so it can be
    /// taken out after its state changed; whoever changes an item puts it back with
    /// <see cref="Update"/>.
    /// </summary>
    private sealed class OpenWork
    {
        private readonly SortedSet<WorkItem> inProgress = new(DueOrder.Instance);
        private readonly SortedSet<WorkItem> underReview = new(DueOrder.Instance);
        private readonly HashSet<WorkItem> withPerson = new(ItemIdentity.Instance);
        private readonly SortedSet<WorkItem> unacknowledged = new(DueOrder.Instance);
        private readonly SortedSet<WorkItem> unacknowledgedOther = new(DueOrder.Instance);
        private readonly SortedSet<WorkItem> paged = new(DueOrder.Instance);
        private readonly SortedSet<WorkItem> workableLater = new(DueOrder.Instance);
        private readonly SortedSet<WorkItem> helpToAsk = new(DueOrder.Instance);
        private readonly SortedSet<WorkItem> waitingLine = new(EngineerOrder.Instance);
        private readonly HashSet<WorkItem> awaitingHelp = new(ItemIdentity.Instance);
        private readonly Dictionary<string, WorkItem> byIncident = [];

        public int Count => byIncident.Count;

        /// <summary>Items the shift's engineers are working (not the on-call's).</summary>
        public int Busy { get; private set; }

        public int WaitingCount => waitingLine.Count;

        /// <summary>Every open item, in no particular order.</summary>
        public IEnumerable<WorkItem> All => byIncident.Values;

        public WorkItem? FirstInProgress => inProgress.Count > 0 ? inProgress.Min : null;

        public WorkItem? FirstUnderReview => underReview.Count > 0 ? underReview.Min : null;

        /// <summary>The earliest queued item due at an instant of its own: to acknowledge, or
        /// for the on-call engineer to start.</summary>
        public WorkItem? FirstQueuedDue => Earliest(Earliest(First(unacknowledged), First(unacknowledgedOther)), First(paged));

        /// <summary>The earliest queued item the shift could work that is not workable yet.</summary>
        public WorkItem? FirstWorkableLater => Earliest(First(unacknowledged), First(workableLater));

        /// <summary>The open item of an incident (an incident is open at most once here).</summary>
        public WorkItem? Find(string incidentId) => byIncident.GetValueOrDefault(incidentId);

        public void Add(WorkItem item, DateTimeOffset now)
        {
            byIncident.Add(item.IncidentId, item);
            Put(item, now);
        }

        public void Remove(WorkItem item)
        {
            byIncident.Remove(item.IncidentId);
            TakeOut(item);
        }

        /// <summary>Puts a changed item where its state says.</summary>
        public void Update(WorkItem item, DateTimeOffset now)
        {
            TakeOut(item);
            Put(item, now);
        }

        /// <summary>Takes out, into <paramref name="into"/> in their order, the items under
        /// review due by <paramref name="t"/>; each must be put back with <see cref="Update"/>.</summary>
        public void TakeUnderReviewDue(DateTimeOffset t, List<WorkItem> into) => TakeDue(underReview, t, into);

        /// <summary>Takes out the queued items to acknowledge by <paramref name="t"/>.</summary>
        public void TakeUnacknowledgedDue(DateTimeOffset t, List<WorkItem> into)
        {
            TakeDue(unacknowledged, t, into);
            TakeDue(unacknowledgedOther, t, into);
        }

        /// <summary>Takes out the acknowledged items to ask for help for by <paramref name="t"/>.</summary>
        public void TakeHelpToAskDue(DateTimeOffset t, List<WorkItem> into) => TakeDue(helpToAsk, t, into);

        /// <summary>Takes out the paged items the on-call engineer can start by <paramref name="t"/>.</summary>
        public void TakePagedDue(DateTimeOffset t, List<WorkItem> into) => TakeDue(paged, t, into);

        /// <summary>Takes out the first <paramref name="count"/> items of the waiting line, with
        /// everything workable by <paramref name="t"/> in it, in the order engineers take them.</summary>
        public void TakeFirstWaiting(int count, DateTimeOffset t, List<WorkItem> into)
        {
            Shelve(t);
            for (var i = 0; i < count && waitingLine.Count > 0; i++)
            {
                var item = waitingLine.Min!;
                TakeOut(item);
                into.Add(item);
            }
        }

        /// <summary>Moves the items that have become workable by <paramref name="now"/> into the
        /// waiting line.</summary>
        public void Shelve(DateTimeOffset now)
        {
            while (workableLater.Count > 0 && workableLater.Min!.Key <= now.UtcTicks)
            {
                var item = workableLater.Min;
                TakeOut(item);
                Put(item, now);
            }
        }

        private static WorkItem? First(SortedSet<WorkItem> set) => set.Count > 0 ? set.Min : null;

        private static WorkItem? Earliest(WorkItem? a, WorkItem? b) =>
            a is null ? b : b is null ? a : DueOrder.Instance.Compare(a, b) <= 0 ? a : b;

        private void TakeDue(SortedSet<WorkItem> set, DateTimeOffset t, List<WorkItem> into)
        {
            while (set.Count > 0 && set.Min!.Key <= t.UtcTicks)
            {
                var item = set.Min;
                TakeOut(item);
                into.Add(item);
            }
        }

        private void Put(WorkItem item, DateTimeOffset now)
        {
            var place = PlaceOf(item, now);
            item.Place = place;
            item.Key = place switch
            {
                Place.InProgress => item.FinishAt.UtcTicks,
                Place.UnderReview => (item.QueryAt ?? item.AcceptAt).UtcTicks,
                Place.WithPerson or Place.AwaitingHelp => 0,
                _ => item.WorkableFrom.UtcTicks,
            };
            item.CountsBusy = place == Place.InProgress && !item.OnCall;
            if (item.CountsBusy)
            {
                Busy++;
            }

            _ = place switch
            {
                Place.WithPerson => withPerson.Add(item),
                Place.AwaitingHelp => awaitingHelp.Add(item),
                _ => SetOf(place).Add(item),
            };
        }

        private void TakeOut(WorkItem item)
        {
            _ = item.Place switch
            {
                Place.None => false,
                Place.WithPerson => withPerson.Remove(item),
                Place.AwaitingHelp => awaitingHelp.Remove(item),
                _ => SetOf(item.Place).Remove(item),
            };
            if (item.CountsBusy)
            {
                Busy--;
                item.CountsBusy = false;
            }

            item.Place = Place.None;
        }

        private SortedSet<WorkItem> SetOf(Place place) => place switch
        {
            Place.InProgress => inProgress,
            Place.UnderReview => underReview,
            Place.Unacknowledged => unacknowledged,
            Place.UnacknowledgedOther => unacknowledgedOther,
            Place.Paged => paged,
            Place.WorkableLater => workableLater,
            Place.HelpToAsk => helpToAsk,
            Place.WaitingLine => waitingLine,
            _ => throw new ArgumentOutOfRangeException(nameof(place), place, "not an ordered place"),
        };

        /// <summary>Where an item belongs: a queued item acknowledged, for the shift and
        /// workable by <paramref name="now"/> only waits for an engineer.</summary>
        private static Place PlaceOf(WorkItem item, DateTimeOffset now) => item.Phase switch
        {
            Phase.InProgress => Place.InProgress,
            Phase.AwaitingAcceptance => item.AwaitingPerson ? Place.WithPerson : Place.UnderReview,
            _ when !item.Acknowledged => !item.OnCall && CanStart(item) ? Place.Unacknowledged : Place.UnacknowledgedOther,
            _ when item.Assist == AssistState.Waiting => Place.AwaitingHelp,
            _ when !CanStart(item) => Place.HelpToAsk,
            _ when item.OnCall => Place.Paged,
            _ => item.WorkableFrom <= now ? Place.WaitingLine : Place.WorkableLater,
        };
    }

    /// <summary>Items by the instant they are due (their key), then oldest first (sequence
    /// numbers are unique, so no two items are equal).</summary>
    private sealed class DueOrder : IComparer<WorkItem>
    {
        public static readonly DueOrder Instance = new();

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

            var byKey = x.Key.CompareTo(y.Key);
            return byKey != 0 ? byKey : x.Sequence.CompareTo(y.Sequence);
        }
    }

    /// <summary>An item equals only itself; it is hashed by its sequence number (no two items
    /// share one), which costs less than the object's identity hash.</summary>
    private sealed class ItemIdentity : IEqualityComparer<WorkItem>
    {
        public static readonly ItemIdentity Instance = new();

        public bool Equals(WorkItem? x, WorkItem? y) => ReferenceEquals(x, y);

        public int GetHashCode(WorkItem obj) => obj.Sequence.GetHashCode();
    }

    /// <summary>The order engineers take queued work in: most severe, then longest workable
    /// (the key of an item in the line), then oldest.</summary>
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
            return bySeverity != 0 ? bySeverity : DueOrder.Instance.Compare(x, y);
        }
    }
}
