using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Seeding;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace GobiernoDigital.Dashboard;

/// <summary>Service registration and start-up steps of the dashboard.</summary>
public static class GobiernoDigitalSetup
{
    /// <summary>The app speaks Colombian Spanish: 45,5 %, 31/12/2027.</summary>
    public static CultureInfo Culture => EsCo.Culture;

    public static IServiceCollection AddGobiernoDigitalDashboard(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        var connectionString = SqliteDatabase.Resolve(configuration.GetConnectionString("GobiernoDigital"), environment.ContentRootPath);
        services.AddDbContextFactory<GobiernoDigitalDbContext>(options => options.UseSqlite(connectionString));
        services.AddScoped<ComplianceService>();
        return services;
    }

    /// <summary>Applies the migrations and seeds an empty database from <c>data/</c>.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var configured = app.Configuration["Datos:ArchivoSemilla"];
        var seedFile = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "data", SeedLoader.DefaultFileName)
            : Path.GetFullPath(configured, app.Environment.ContentRootPath);

        var factory = app.Services.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GobiernoDigital.Datos");
        SeedOutcome outcome;
        try
        {
            outcome = await DatabaseInitializer.InitializeAsync(factory, seedFile);
        }
        catch (InvalidDataException ex)
        {
            // The seed runs in one transaction, so the database stays empty; the app still starts and says so.
            logger.LogError("No se cargaron los datos semilla: {Reason} Corrija el archivo y reinicie; la base de datos quedó vacía.", ex.Message);
            return;
        }

        switch (outcome)
        {
            case SeedOutcome.Seeded:
                logger.LogInformation("Base de datos creada y cargada con los datos semilla de {SeedFile}.", seedFile);
                break;
            case SeedOutcome.NoSeedFile:
                logger.LogWarning("No se encontró el archivo semilla {SeedFile}: la base de datos queda vacía.", seedFile);
                break;
            default:
                logger.LogInformation("Base de datos existente: no se cargan datos semilla.");
                break;
        }
    }

    /// <summary>Tells whoever ran <c>dotnet run</c> where to open the dashboard.</summary>
    public static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine("  GobiernoDigital Dashboard está listo.");
        Console.WriteLine($"  Abra {url} en el navegador.");
        Console.WriteLine("  La consulta de los tableros es pública: no hace falta iniciar sesión para verlos.");
        Console.WriteLine("  Pulse Ctrl+C para detenerlo.");
        Console.WriteLine();
    }
}
