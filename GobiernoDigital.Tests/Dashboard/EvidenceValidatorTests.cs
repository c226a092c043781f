using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class EvidenceValidatorTests
{
    // 10/03/2026 at 02:00 UTC is still 09/03/2026 in Colombia (UTC−5): "today" is the Colombian date.
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));
    private static readonly DateTime ColombianToday = new(2026, 3, 9);

    [Fact]
    public void ForClosing_NeitherLinkNorNote_RefusedOnTheLinkField()
    {
        var error = Assert.Single(EvidenceValidator.ForClosing(Clock).Validate(new EvidenceFormModel { Date = ColombianToday, Url = " ", Note = "" }).Errors);

        Assert.Equal(nameof(EvidenceFormModel.Url), error.PropertyName);
        Assert.Equal("Para completar la acción registre su evidencia: un enlace o una nota.", error.ErrorMessage);
    }

    [Fact]
    public void ForEvidence_NeitherLinkNorNote_Refused()
    {
        var error = Assert.Single(EvidenceValidator.ForEvidence(Clock).Validate(new EvidenceFormModel { Date = ColombianToday }).Errors);

        Assert.Equal(EvidenceValidator.EvidenceMissing, error.ErrorMessage);
    }

    [Theory]
    [InlineData("https://concejocartago.gov.co/actas/05-2024.pdf", null)]
    [InlineData("http://intranet.concejo/acta.pdf", null)]
    [InlineData(null, "Acta firmada en el archivo de la Secretaría General.")]
    [InlineData("https://concejocartago.gov.co/datos", "Inventario publicado.")]
    public void ForClosing_LinkOrNoteOrBoth_Accepted(string? url, string? note)
    {
        Assert.True(EvidenceValidator.ForClosing(Clock).Validate(new EvidenceFormModel { Date = ColombianToday, Url = url, Note = note }).IsValid);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://concejo/acta.pdf")]
    [InlineData("file:///C:/actas/acta.pdf")]
    [InlineData("www.concejocartago.gov.co")]
    public void ForEvidence_LinkNotHttp_RefusedOnTheLinkField(string url)
    {
        var error = Assert.Single(EvidenceValidator.ForEvidence(Clock).Validate(new EvidenceFormModel { Date = ColombianToday, Url = url }).Errors);

        Assert.Equal(nameof(EvidenceFormModel.Url), error.PropertyName);
        Assert.Equal(EvidenceValidator.LinkNotWeb, error.ErrorMessage);
    }

    [Fact]
    public void ForEvidence_DateAfterTheColombianToday_Refused()
    {
        var error = Assert.Single(EvidenceValidator.ForEvidence(Clock).Validate(new EvidenceFormModel { Date = ColombianToday.AddDays(1), Note = "Acta" }).Errors);

        Assert.Equal(nameof(EvidenceFormModel.Date), error.PropertyName);
        Assert.Equal(EvidenceValidator.DateInFuture, error.ErrorMessage);
    }

    [Fact]
    public void ForClosing_NoDate_AsksForIt()
    {
        var error = Assert.Single(EvidenceValidator.ForClosing(Clock).Validate(new EvidenceFormModel { Note = "Acta" }).Errors);

        Assert.Equal(EvidenceValidator.DateRequired, error.ErrorMessage);
    }
}
