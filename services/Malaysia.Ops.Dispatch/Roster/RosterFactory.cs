using Malaysia.Ops.Domain.Rosters;
using Microsoft.Extensions.Options;
using DomainRoster = Malaysia.Ops.Domain.Rosters.Roster;

namespace Malaysia.Ops.Dispatch.Roster;

/// <summary>Turns configured desks into a validated roster, naming the setting at fault.</summary>
public static class RosterFactory
{
    public static DomainRoster Build(RosterOptions options)
    {
        var desks = new List<DeskRoster>();
        var configured = options.EffectiveDesks;
        for (var i = 0; i < configured.Count; i++)
        {
            var desk = configured[i];
            var prefix = $"Roster:Desks:{i}";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(desk.TimeZone ?? string.Empty, out var zone))
            {
                throw new RosterDefinitionException($"{prefix}:TimeZone", $"'{desk.TimeZone}' is not a known IANA time zone (e.g. America/New_York, Asia/Kuala_Lumpur)");
            }

            var shifts = new List<ShiftPattern>();
            for (var s = 0; s < desk.Shifts.Count; s++)
            {
                if (!ShiftPattern.TryParse(desk.Shifts[s], out var pattern))
                {
                    throw new RosterDefinitionException($"{prefix}:Shifts:{s}", $"'{desk.Shifts[s]}' is not a shift; write local times as HH:mm-HH:mm, e.g. 08:00-20:00");
                }

                shifts.Add(pattern);
            }

            desks.Add(new DeskRoster(desk.Id, desk.Name ?? desk.Id, zone, shifts));
        }

        return DomainRoster.Create(desks);
    }
}

internal sealed class RosterOptionsValidator : IValidateOptions<RosterOptions>
{
    public ValidateOptionsResult Validate(string? name, RosterOptions options)
    {
        try
        {
            RosterFactory.Build(options);
            return ValidateOptionsResult.Success;
        }
        catch (RosterDefinitionException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
