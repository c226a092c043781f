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

/// <summary>The Spanish words of a <see cref="MeasurementState"/> and of a measurement's kind of result, for pages and exports.</summary>
public static class MeasurementStateText
{
    /// <summary>"Provisional" or "Definitiva".</summary>
    public static string Text(this MeasurementState state) => state switch
    {
        MeasurementState.Definitiva => "Definitiva",
        _ => "Provisional",
    };

    /// <summary>
    /// What kind of result a measurement is, as a headline says it: «Resultado oficial FURAG» only for a definitiva
    /// official result; «Resultado provisional · fuente: …» for any provisional one; «Autodiagnóstico» for a definitiva self-assessment.
    /// </summary>
    public static string ResultText(MeasurementSource source, MeasurementState state) => state switch
    {
        MeasurementState.Definitiva => source.Text(),
        _ => $"Resultado provisional · fuente: {source.Text()}",
    };
}
