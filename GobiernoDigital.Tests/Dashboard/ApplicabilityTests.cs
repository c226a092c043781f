using GobiernoDigital.Dashboard.Services;
using Xunit;

namespace GobiernoDigital.Tests.Dashboard;

public sealed class ApplicabilityTests
{
    [Theory]
    [InlineData(null, null, "Siempre")]
    [InlineData(2024, null, "Desde 2024")]
    [InlineData(null, 2024, "Hasta 2023 (retirada desde 2024)")]
    [InlineData(2022, 2023, "Solo 2022 (retirada desde 2023)")]
    [InlineData(2020, 2024, "De 2020 a 2023 (retirada desde 2024)")]
    public void Describe_FirstAndRetiredVigencia_SpanishText(int? first, int? retired, string expected) =>
        Assert.Equal(expected, Applicability.Describe(first, retired));

    [Theory]
    [InlineData(new[] { 2023 }, "2023")]
    [InlineData(new[] { 2023, 2024 }, "2023 y 2024")]
    [InlineData(new[] { 2022, 2023, 2024 }, "2022, 2023 y 2024")]
    public void ListVigencias_OneOrMore_JoinedTheSpanishWay(int[] vigencias, string expected) =>
        Assert.Equal(expected, Applicability.ListVigencias(vigencias));
}
