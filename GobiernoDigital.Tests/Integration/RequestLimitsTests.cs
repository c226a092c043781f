using System.Net;
using GobiernoDigital.Dashboard;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The per-client limits with the limits on and two permits a minute each (every test request comes from the same
/// address): the third circuit, sign-in post or download in the minute gets a Spanish 429; pages stay open.
/// </summary>
public sealed class RequestLimitsTests(RequestLimitsTests.LimitedAppFactory app) : IClassFixture<RequestLimitsTests.LimitedAppFactory>
{
    private const int Permits = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Negotiate_MoreCircuitsThanTheLimit_TheExtraOneRefusedInSpanishAndPagesStillServed()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct);

        await AssertRefusedAsync(refused);
        using var page = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Download_MoreThanTheLimit_TheExtraOneRefusedInSpanish()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await client.GetAsync("/exportar/plantilla.csv", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/api/datos-abiertos/puntajes.csv", Ct);

        await AssertRefusedAsync(refused);
    }

    [Fact]
    public async Task SignIn_MorePostsThanTheLimit_TheExtraOneRefusedBeforeAnyPasswordCheck()
    {
        using var client = AuthForms.CreateBrowserClient(app);
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await AuthForms.SignInAsync(client, "nadie.registrado", "Clave-Equivocada-1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await AuthForms.SignInAsync(client, "nadie.registrado", "Clave-Equivocada-1");

        await AssertRefusedAsync(refused);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(RequestLimits.TooManyRequestsText, await response.Content.ReadAsStringAsync(Ct));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>The app with the limits on (the tests' factory turns them off) and <see cref="Permits"/> of each a minute.</summary>
    public sealed class LimitedAppFactory : DashboardAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var permits = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.UseSetting("Limites:Habilitados", "true");
            builder.UseSetting("Limites:CircuitosPorMinuto", permits);
            builder.UseSetting("Limites:IngresosPorMinuto", permits);
            builder.UseSetting("Limites:DescargasPorMinuto", permits);
        }
    }
}
