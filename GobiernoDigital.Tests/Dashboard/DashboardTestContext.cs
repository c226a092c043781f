using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Localization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.Core;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace GobiernoDigital.Tests.Dashboard;

/// <summary>
/// The bUnit base of the dashboard's component tests: MudBlazor services, loose JS interop (MudChart calls
/// <c>mudObserveElementSize</c>), the es-CO culture, and the real <see cref="ComplianceService"/> and <see cref="PlanService"/> (on a fixed
/// <see cref="Clock"/>) over a seeded SQLite file.
/// </summary>
/// <remarks>
/// Pass a class fixture's <see cref="SeededTestDatabase"/> when the tests only read. Otherwise, or after
/// <see cref="UseOwnDatabase"/>, the context seeds a database of its own on first use and deletes it on dispose;
/// tests that never reach the service (shared components) never create one.
/// </remarks>
public abstract class DashboardTestContext : BunitContext
{
    private readonly CultureInfo _originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _originalUICulture = CultureInfo.CurrentUICulture;
    private readonly SqliteTestDatabase? _sharedDatabase;
    private SqliteTestDatabase? _ownDatabase;

    protected DashboardTestContext(SeededTestDatabase? sharedDatabase = null)
    {
        CultureInfo.CurrentCulture = EsCo.Culture;
        CultureInfo.CurrentUICulture = EsCo.Culture;

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, SpanishMudLocalizer>();

        // Anonymous by default, as a visitor of the public dashboard; tests sign in with Auth.SetAuthorized(...).
        Auth = AddAuthorization();

        _sharedDatabase = sharedDatabase?.Database;

        // Built from a delegate so that the database is chosen at the first render, and so that the service provider
        // never owns (and deletes on dispose) a database shared by the class.
        Services.AddScoped(_ => new ComplianceService(Database));
        Services.AddScoped(_ => new PlanService(Database, Clock));
        Services.AddSingleton<PrerenderedMarkup>();
    }

    /// <summary>bUnit's fake authentication and authorization: who the rendered components see.</summary>
    protected BunitAuthorizationContext Auth { get; }

    /// <summary>The database the <see cref="ComplianceService"/> reads: the class's shared one, or this test's own.</summary>
    protected SqliteTestDatabase Database => _ownDatabase ?? _sharedDatabase ?? UseOwnDatabase();

    /// <summary>
    /// "Now" for the services that derive statuses from today (Vencida, due soon): noon in Colombia on 23/11/2026 unless
    /// a test sets another before the first render.
    /// </summary>
    protected TimeProvider Clock { get; set; } = new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(-5)));

    /// <summary>bUnit's navigation manager: it records every navigation.</summary>
    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>
    /// Gives this test a freshly seeded database of its own, deleted on dispose: for a test that adds data in a class
    /// whose other tests share a read-only fixture. Call it before the first render.
    /// </summary>
    protected SqliteTestDatabase UseOwnDatabase()
    {
        if (_ownDatabase is null)
        {
            var database = new SqliteTestDatabase();
            var outcome = DatabaseInitializer.InitializeAsync(database, SeedFiles.Real).GetAwaiter().GetResult();
            if (outcome != SeedOutcome.Seeded)
            {
                database.Dispose();
                throw new InvalidOperationException($"The test database was not seeded from {SeedFiles.Real}: {outcome}.");
            }

            _ownDatabase = database;
        }

        return _ownDatabase;
    }

    /// <summary>The id of the category called <paramref name="name"/> in <see cref="Database"/>.</summary>
    protected int CategoryId(string name)
    {
        using var db = Database.CreateDbContext();
        return db.Categories.Where(c => c.Name == name).Select(c => c.Id).Single();
    }

    /// <summary>
    /// Records the peer group's average of a category in <see cref="Database"/>, as the editor's grid would; in a class that
    /// shares a read-only database, call <see cref="UseOwnDatabase"/> first.
    /// </summary>
    protected void AddPeerAverage(string categoryName, int vigencia, decimal value)
    {
        using var db = Database.CreateDbContext();
        db.PeerAverages.Add(new PeerAverage(CategoryId(categoryName), vigencia, value));
        db.SaveChanges();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Release();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Release();
        }
    }

    private void Release()
    {
        _ownDatabase?.Dispose();
        _ownDatabase = null;
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalUICulture;
    }
}
