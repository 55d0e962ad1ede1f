namespace Malaysia.Ops.Simulator.CommandLine;

/// <summary>The records an import has read so far, rewritten in place on one line of the
/// error output, so a long import shows it is moving without burying the result.</summary>
internal sealed class RecordProgress(TextWriter error) : IProgress<long>
{
    public bool Shown { get; private set; }

    public void Report(long value)
    {
        error.Write($"\rread {value:N0} records");
        Shown = true;
    }

    /// <summary>Ends the progress line, if one was written.</summary>
    public void Finish()
    {
        if (Shown)
        {
            error.WriteLine();
        }
    }
}
