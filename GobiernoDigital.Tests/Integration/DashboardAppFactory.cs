using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The real app (Program.cs) on a SQLite file of its own: migrated and seeded from data/ at start-up, exactly as
/// `dotnet run` does on a first start. One factory per test class (<c>IClassFixture</c>).
/// </summary>
public class DashboardAppFactory : WebApplicationFactory<Program>
{
    public SqliteTestDatabase Database { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets (MudBlazor's css/js) straight from the build output, as `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:GobiernoDigital", Database.ConnectionString);
        // Every test request comes from one address: the per-client limits would throttle a class's tests (RequestLimitsTests turns them on).
        builder.UseSetting("Limites:Habilitados", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
