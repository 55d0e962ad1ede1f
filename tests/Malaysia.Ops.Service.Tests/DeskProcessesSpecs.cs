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

    [Fact]
    public void A_restart_is_not_two_processes_even_when_the_old_process_last_report_is_consumed_late()
    {
        var processes = new DeskProcesses();
        Assert.Null(processes.SecondLiveProcess("my", First, At(0)));
        Assert.Null(processes.SecondLiveProcess("my", First, At(5)));

        // The new process's start is consumed before the old one's last heartbeat (a backlog).
        Assert.Null(processes.SecondLiveProcess("my", Second, At(12)));
        Assert.Null(processes.SecondLiveProcess("my", First, At(10)));
        Assert.Null(processes.SecondLiveProcess("my", Second, At(17)));
    }

    [Fact]
    public void Two_processes_of_one_desk_reporting_at_the_same_time_are_named_once()
    {
        var processes = new DeskProcesses();
        processes.SecondLiveProcess("my", First, At(0));
        processes.SecondLiveProcess("my", Second, At(3));

        Assert.Equal(Second, processes.SecondLiveProcess("MY", First, At(6)));
        Assert.Null(processes.SecondLiveProcess("my", Second, At(8)));
        Assert.Null(processes.SecondLiveProcess("my", First, At(10)));
    }

    [Fact]
    public void Processes_of_different_desks_and_reports_without_a_process_are_never_counted()
    {
        var processes = new DeskProcesses();
        processes.SecondLiveProcess("us", First, At(0));
        processes.SecondLiveProcess("my", Second, At(1));
        processes.SecondLiveProcess("my", Guid.Empty, At(2));

        Assert.Null(processes.SecondLiveProcess("us", First, At(5)));
        Assert.Null(processes.SecondLiveProcess("my", Second, At(6)));
        Assert.Null(processes.SecondLiveProcess("my", Guid.Empty, At(7)));
    }

    [Fact]
    public void Clocks_a_moment_apart_on_two_machines_do_not_make_a_restart_look_like_replicas()
    {
        var processes = new DeskProcesses();
        processes.SecondLiveProcess("us", First, At(0));
        processes.SecondLiveProcess("us", First, At(10));

        // The new process's clock is a second behind the old one's.
        Assert.Null(processes.SecondLiveProcess("us", Second, At(9)));
        Assert.Null(processes.SecondLiveProcess("us", Second, At(14)));
    }
}
