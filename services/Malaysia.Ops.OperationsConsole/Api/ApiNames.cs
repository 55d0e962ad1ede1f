using System.Text;

namespace Malaysia.Ops.OperationsConsole.Api;

/// <summary>How the API writes an enum value: kebab-case for multi-word names
/// ("drop-next-briefing", "incoming-lead"), as is for the catalogue's own names.</summary>
public static class ApiNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        if (typeof(TEnum) != typeof(Controls.ConsoleFault) && typeof(TEnum) != typeof(Rehearsal.RehearsalRole))
        {
            return name;
        }

        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
