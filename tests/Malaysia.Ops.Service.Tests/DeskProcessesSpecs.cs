using Malaysia.Ops.Dispatch;

namespace Malaysia.Ops.Service.Tests;

/// <summary>
/// A desk reporting from two processes alive at once (run as replicas) is told apart from a
/// desk that restarted, by when each report was sent, whatever order dispatch consumes them in.
/// </summary>
public sealed class DeskProcessesSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    // A report sent at the given second, heard by dispatch at once.
    private static Guid? Report(DeskProcesses processes, string desk, Guid instance, double sentAt) =>
        processes.SecondLiveProcess(desk, instance, At(sentAt), At(sentAt));

    [Fact]
    public void A_report_sent_at_the_ends_of_time_is_taken_as_sent_when_heard_and_later_reports_still_count()
    {
        var processes = new DeskProcesses();
        Assert.Null(processes.SecondLiveProcess("my", First, DateTimeOffset.MinValue, At(0)));
        Assert.Null(processes.SecondLiveProcess("my", Second, DateTimeOffset.MaxValue, At(1)));
        Assert.Null(Report(processes, "my", First, 10));
        Assert.Equal(First, Report(processes, "my", Second, 12));
    }

    [Fact]
    public void A_restart_is_not_two_processes_even_when_the_old_process_last_report_is_consumed_late()
    {
        var processes = new DeskProcesses();
        Assert.Null(Report(processes, "my", First, 0));
        Assert.Null(Report(processes, "my", First, 5));

        // The new process's start is consumed before the old one's last heartbeat (a backlog).
        Assert.Null(Report(processes, "my", Second, 12));
        Assert.Null(Report(processes, "my", First, 10));
        Assert.Null(Report(processes, "my", Second, 17));
    }

    [Fact]
    public void Two_processes_of_one_desk_reporting_at_the_same_time_are_named_once()
    {
        var processes = new DeskProcesses();
        Report(processes, "my", First, 0);
        Report(processes, "my", Second, 3);

        Assert.Equal(Second, Report(processes, "MY", First, 6));
        Assert.Null(Report(processes, "my", Second, 8));
        Assert.Null(Report(processes, "my", First, 10));
    }

    [Fact]
    public void A_pair_is_named_once_even_when_a_late_report_changes_which_process_began_first()
    {
        var processes = new DeskProcesses();
        Report(processes, "us", First, 5);
        Report(processes, "us", Second, 1);
        Assert.Equal(First, Report(processes, "us", Second, 11));

        // A report the first process sent before any other, consumed late.
        Assert.Null(Report(processes, "us", First, 0));
        Assert.Null(Report(processes, "us", First, 15));
        Assert.Null(Report(processes, "us", Second, 16));
    }

    [Fact]
    public void Processes_of_different_desks_and_reports_without_a_process_are_never_counted()
    {
        var processes = new DeskProcesses();
        Report(processes, "us", First, 0);
        Report(processes, "my", Second, 1);
        Report(processes, "my", Guid.Empty, 2);

        Assert.Null(Report(processes, "us", First, 5));
        Assert.Null(Report(processes, "my", Second, 6));
        Assert.Null(Report(processes, "my", Guid.Empty, 7));
    }

    [Fact]
    public void Clocks_a_moment_apart_on_two_machines_do_not_make_a_restart_look_like_replicas()
    {
        var processes = new DeskProcesses();
        Report(processes, "us", First, 0);
        Report(processes, "us", First, 10);

        // The new process's clock is a second behind the old one's.
        Assert.Null(Report(processes, "us", Second, 9));
        Assert.Null(Report(processes, "us", Second, 14));
    }

    [Fact]
    public void Neither_a_clock_far_ahead_nor_a_backlog_makes_a_live_process_look_ended()
    {
        var clockAhead = new DeskProcesses();
        Report(clockAhead, "my", First, 0);

        // A second process whose clock is an hour ahead: the first is still remembered.
        Assert.Null(clockAhead.SecondLiveProcess("my", Second, At(3600), At(3)));
        Assert.Equal(Second, clockAhead.SecondLiveProcess("my", First, At(3610), At(8)));

        var backlog = new DeskProcesses();
        Report(backlog, "my", First, 0);

        // Dispatch hears the second process's first report 20 minutes late (a backlog).
        Assert.Null(backlog.SecondLiveProcess("my", Second, At(3), At(1200)));
        Assert.Equal(Second, backlog.SecondLiveProcess("my", First, At(6), At(1201)));
    }
}
