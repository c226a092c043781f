namespace GobiernoDigital.Core.Domain;

/// <summary>The Spanish name of a <see cref="MeasurementSource"/>, for pages and exports.</summary>
public static class MeasurementSourceText
{
    /// <summary>"Autodiagnóstico" or "Resultado oficial FURAG".</summary>
    public static string Text(this MeasurementSource source) => source switch
    {
        MeasurementSource.Autodiagnostico => "Autodiagnóstico",
        _ => "Resultado oficial FURAG",
    };
}
