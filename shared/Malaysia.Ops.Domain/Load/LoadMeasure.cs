namespace Malaysia.Ops.Domain.Load;

/// <summary>What a load threshold is about.</summary>
public enum LoadMeasure
{
    /// <summary>Milliseconds from the raise to a <see cref="LoadStage"/>, at a percentile, over
    /// the whole load.</summary>
    Latency,

    /// <summary>Messages waiting on the operation's queues together, at the highest seen.</summary>
    QueueDepth,

    /// <summary>Load incidents that did not come through: judged once the load is over.</summary>
    Lost,

    /// <summary>Incidents raised per second, over the load so far.</summary>
    Rate,
}
