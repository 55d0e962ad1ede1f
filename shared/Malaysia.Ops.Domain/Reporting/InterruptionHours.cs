namespace Malaysia.Ops.Domain.Reporting;

/// <summary>The part of a responder's day an interruption fell in, as PagerDuty's operational
/// reviews count them: business hours 08:00-18:00 Monday to Friday, off hours 18:00-22:00 on
/// weekdays and 08:00-22:00 at weekends, sleep hours 22:00-08:00 every day (all local).</summary>
public enum InterruptionHours
{
    Business,
    Off,
    Sleep,
}
