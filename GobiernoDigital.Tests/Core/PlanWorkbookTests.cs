using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Export;
using MiniExcelLibs;
using Xunit;

namespace GobiernoDigital.Tests.Core;

public sealed class PlanWorkbookTests
{
    private static readonly DateRange Deadline = new(new DateOnly(2024, 8, 1), new DateOnly(2027, 12, 31));
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void WriteTo_ActionsSheet_SeedColumnsThenFollowUpColumns()
    {
        var (rows, columns) = ReadActions(Workbook(NewPlan()));

        Assert.Equal([.. PlanWorkbook.SeedColumns, .. PlanWorkbook.FollowUpColumns], columns);
        Assert.Equal(
            ["CATEGORÍAS", "PUNTAJE", "DISEÑO ALTERNATIVAS DE MEJORA", "MEJORAS PARA IMPLEMENTAR", "FECHA", "EVALUACIÓN DE LA EFICACIA"],
            PlanWorkbook.SeedColumns);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void WriteTo_ActionWithFollowUp_OneRowWithItsFindingAndFollowUp()
    {
        var plan = NewPlan();
        var action = plan.Findings[0].Actions[0];
        action.SetResponsible("Secretaría General");
        action.SetExpectedPoints(12.5m);
        action.AddEvidence(new DateOnly(2026, 2, 1), "https://concejocartago.gov.co/portal", null, "Martha Saldaña");
        action.AddEvidence(new DateOnly(2026, 3, 1), null, "Acta de entrega", null);
        action.Complete(new DateOnly(2026, 3, 1));

        var row = ReadActions(Workbook(plan)).Rows[0];

        Assert.Equal("Indicadores de Proceso Logro: Transparencia", row[PlanWorkbook.Categories]);
        Assert.Equal(40m, Convert.ToDecimal(row[PlanWorkbook.Score], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Alternativa uno\nAlternativa dos", row[PlanWorkbook.Alternatives]);
        Assert.Equal("Portal de transparencia\nCapacitación", row[PlanWorkbook.Improvements]);
        Assert.Equal("01/08/2024 al 31/12/2027", row[PlanWorkbook.Deadline]);
        Assert.Equal("Porcentaje de Cumplimiento de Gobierno Digital", row[PlanWorkbook.Effectiveness]);
        Assert.Equal("Portal de transparencia", row[PlanWorkbook.Action]);
        Assert.Equal("Secretaría General", row[PlanWorkbook.Responsible]);
        Assert.Equal(new DateTime(2024, 8, 1), row[PlanWorkbook.Start]);
        Assert.Equal(new DateTime(2027, 12, 31), row[PlanWorkbook.End]);
        Assert.Equal("Completada", row[PlanWorkbook.Status]);
        Assert.Equal(100m, Convert.ToDecimal(row[PlanWorkbook.Progress], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12.5m, Convert.ToDecimal(row[PlanWorkbook.ExpectedPoints], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2026, 3, 1), row[PlanWorkbook.CompletedOn]);
        Assert.Equal(
            "01/02/2026: https://concejocartago.gov.co/portal (registró Martha Saldaña)\n01/03/2026: Acta de entrega",
            row[PlanWorkbook.Evidence]);
    }

    [Fact]
    public void WriteTo_OpenActionPastItsEnd_StatusVencida()
    {
        var rows = ReadActions(Workbook(NewPlan(), today: new DateOnly(2028, 1, 1))).Rows;

        Assert.Equal("Vencida", rows[1][PlanWorkbook.Status]);
    }

    [Fact]
    public void WriteTo_NoAplicaFinding_OneRowThatSaysSo()
    {
        var row = ReadActions(Workbook(NewPlan())).Rows[2];

        Assert.Equal(PlanWorkbook.NotApplicable, row[PlanWorkbook.Improvements]);
        Assert.Equal(PlanWorkbook.NotApplicable, row[PlanWorkbook.Action]);
        Assert.Null(row[PlanWorkbook.Status]);
        Assert.Null(row[PlanWorkbook.Start]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://x.example\",\"clic\")")]
    [InlineData("+57 300 000 0000")]
    [InlineData("-1 punto")]
    [InlineData("@SUM(A1)")]
    public void WriteTo_TextThatASpreadsheetWouldRunAsAFormula_PrefixedWithAnApostrophe(string text)
    {
        var plan = NewPlan();
        plan.Findings[0].Actions[0].SetResponsible("Secretaría General");
        plan.Findings[0].Actions[1].SetResponsible(text);

        var rows = ReadActions(Workbook(plan)).Rows;

        Assert.Equal("'" + text, rows[1][PlanWorkbook.Responsible]);
        Assert.Equal("Secretaría General", rows[0][PlanWorkbook.Responsible]);
    }

    [Fact]
    public void WriteTo_PlanSheet_HasTheHeaderOfThePlan()
    {
        using var stream = new MemoryStream();
        Workbook(NewPlan()).WriteTo(stream);
        stream.Position = 0;

        var header = stream.Query(useHeaderRow: true, sheetName: PlanWorkbook.PlanSheet)
            .Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Campo"]!, r => r["Valor"] as string);

        Assert.Equal("Concejo Municipal de Cartago (NIT 900.215.967-5)", header["Entidad"]);
        Assert.Equal("TI.PL03", header["Código"]);
        Assert.Equal("1 (vigente)", header["Versión"]);
        Assert.Equal("21/05/2024", header["Fecha de aprobación"]);
        Assert.Equal("Acta No. 05 de 2024", header["Acta de aprobación"]);
        Assert.Equal("Comité Institucional de Gestión y Desempeño", header["Aprobó"]);
        Assert.Equal("Martha Cecilia Saldaña S (Asesora Externa)", header["Elaboró"]);
    }

    [Fact]
    public void FileName_CodeAndVersion()
    {
        Assert.Equal("plan-de-mejoramiento-TI.PL03-v1.xlsx", Workbook(NewPlan()).FileName);
    }

    private static ImprovementPlan NewPlan()
    {
        var plan = new ImprovementPlan(
            "PLAN DE MEJORAMIENTO", "TI.PL03", 1, new DateOnly(2024, 5, 21), 2023, "Martha Cecilia Saldaña S", "Asesora Externa",
            new DateOnly(2024, 10, 30), "Comité Institucional de Gestión y Desempeño", "Acta No. 05 de 2024");
        var component = new Component("TIC para Gobierno Abierto", 1);
        var transparencia = new Category("Transparencia", "Transparencia", CategoryKind.Proceso, component, 1, nameInPlan: "Indicadores de Proceso Logro: Transparencia");
        var tramites = new Category("Trámites y servicios en línea", "Trámites", CategoryKind.Proceso, component, 2);
        plan.AddFinding(transparencia, 40m, ["Alternativa uno", "Alternativa dos"], ["Portal de transparencia", "Capacitación"], false, Deadline, "Porcentaje de Cumplimiento de Gobierno Digital")
            .AddActionsFromImprovements();
        plan.AddFinding(tramites, 0m, ["Cargar en el SUIT los trámites"], [], true, null, "NO APLICA");
        return plan;
    }

    private static PlanWorkbook Workbook(ImprovementPlan plan, DateOnly? today = null) =>
        PlanWorkbook.Build(plan, new PublicEntity("Concejo Municipal de Cartago", "900.215.967-5"), isCurrent: true, today ?? Today);

    private static (List<IDictionary<string, object?>> Rows, List<string> Columns) ReadActions(PlanWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.WriteTo(stream);
        stream.Position = 0;
        var columns = stream.GetColumns(useHeaderRow: true, sheetName: PlanWorkbook.ActionsSheet)!.ToList();
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, sheetName: PlanWorkbook.ActionsSheet).Cast<IDictionary<string, object?>>().ToList();
        return (rows, columns);
    }
}
