using GobiernoDigital.Core.Domain;

namespace GobiernoDigital.Core.Planning;

/// <summary>Spanish words for action statuses, and the plan's deadline windows.</summary>
public static class ActionStatusText
{
    /// <summary>Days ahead that count as "vence pronto" on the plan page.</summary>
    public const int DueSoonDays = 30;

    /// <summary>"No iniciada", "En curso", "Completada", "Cancelada", "Vencida".</summary>
    public static string Label(ActionStatus status) => status switch
    {
        ActionStatus.NoIniciada => "No iniciada",
        ActionStatus.EnCurso => "En curso",
        ActionStatus.Completada => "Completada",
        ActionStatus.Cancelada => "Cancelada",
        ActionStatus.Vencida => "Vencida",
        _ => status.ToString(),
    };

    /// <summary>Open (not completed, not cancelled, not late) and ending within <see cref="DueSoonDays"/> days from <paramref name="today"/>, today included.</summary>
    public static bool IsDueSoon(ActionStatus stored, DateOnly endDate, DateOnly today) =>
        stored is ActionStatus.NoIniciada or ActionStatus.EnCurso &&
        endDate >= today &&
        endDate <= today.AddDays(DueSoonDays);

    /// <summary>Today's date in Colombia.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), EsCo.TimeZone).DateTime);
}
