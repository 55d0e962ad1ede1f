namespace Malaysia.Ops.Simulator.Reporting;

/// <summary>
/// The stylesheet of report.html, inline so the file stands alone. System fonts only (nothing
/// is fetched), dark ink on white so it prints, and series colours from the Okabe-Ito palette,
/// which readers with the common colour-vision deficiencies can still tell apart; the warning
/// colour for nobody on duty is kept out of the series.
/// </summary>
internal static class ReportStyle
{
    private static readonly string[] SeriesColours = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#000000"];

    /// <summary>The class of the n-th series; past the palette the colours repeat.</summary>
    public static string SeriesClass(int index) => $"series-{index % SeriesColours.Length}";

    public static string Css { get; } = Build();

    private static string Build()
    {
        var series = string.Concat(SeriesColours.Select((colour, i) => $".series-{i}{{fill:{colour};stroke:{colour}}}\n"));
        return """
            :root{color-scheme:light;--ink:#1f2933;--muted:#52606d;--rule:#d9e2ec;--warn:#c62828}
            *{box-sizing:border-box}
            body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
            main{max-width:1120px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:26px;margin:0 0 4px}
            h2{font-size:19px;margin:36px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule)}
            h3{font-size:15px;margin:20px 0 6px}
            figure h3{margin-top:0}
            p{margin:0 0 10px}
            .muted{color:var(--muted)}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0 0}
            dt{color:var(--muted)}
            dd{margin:0}
            .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
            .figure{border:1px solid var(--rule);border-radius:6px;padding:8px 12px}
            .figure b{display:block;font-size:24px;font-variant-numeric:tabular-nums}
            .figure span{color:var(--muted);font-size:13px}
            .charts{display:flex;flex-wrap:wrap;gap:16px}
            figure{margin:0}
            svg{display:block;max-width:100%;height:auto;overflow:visible}
            svg text{font-size:12px;fill:var(--ink);stroke:none}
            svg text.small{font-size:11px}
            svg text.tiny{font-size:10px}
            svg text.muted{fill:var(--muted)}
            svg text.warn{fill:var(--warn);font-weight:600}
            .axis{stroke:#7b8794;stroke-width:1}
            .grid{stroke:#e4e7eb;stroke-width:1}
            .track{fill:#f5f7fa}
            .bar{fill:#0072b2}
            .band{fill:#c62828;fill-opacity:.12}

            """ + series + """
            .gap{fill:var(--warn);stroke:var(--warn)}
            .line{fill:none;stroke-width:2;stroke-linejoin:round}
            table{border-collapse:collapse;width:100%;font-size:14px}
            th,td{padding:4px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
            th{background:#f5f7fa;font-weight:600;vertical-align:bottom}
            th.group{text-align:center;border-bottom:1px solid #bcccdc}
            td.prose{min-width:16em}
            .n{text-align:right;font-variant-numeric:tabular-nums}
            td.n{white-space:nowrap}
            .table{overflow-x:auto}
            .warn{color:var(--warn);font-weight:600}
            tr.this-run td{background:#eef6fb}
            footer{margin-top:32px}

            """;
    }
}
