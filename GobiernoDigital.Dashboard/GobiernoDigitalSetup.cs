using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Core.Seeding;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Diagnostics;
using GobiernoDigital.Dashboard.Localization;
using GobiernoDigital.Dashboard.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
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

        services.AddRazorComponents()
            .AddInteractiveServerComponents(circuits =>
            {
                // Each circuit holds about 1,1 MB (bench/). A disconnected one is kept for a reconnection (a phone that
                // lost its signal, a laptop that slept): at most 50 of them (about 55 MB), each for 3 minutes, so that
                // clients that open circuits and vanish cannot pile memory up (defaults: 100 and 3 minutes).
                circuits.DisconnectedCircuitMaxRetained = 50;
                circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                // Render batches the browser has not acknowledged, per circuit (the default): a client that stops reading
                // stops the rendering of its own circuit instead of growing the server's buffers.
                circuits.MaxBufferedUnacknowledgedRenderBatches = 10;
                // The app's JavaScript calls (chart links, printing, skip link) answer in milliseconds: a client that never
                // answers frees the waiting component after 30 s instead of the default minute.
                circuits.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            })
            .AddHubOptions(hub =>
            {
                // The largest message a client may send (SignalR's default, 32 KB): file uploads stream in smaller chunks,
                // and a bigger cap would only let one message allocate more on the server.
                hub.MaximumReceiveMessageSize = 32 * 1024;
            });
        services.AddRequestLimits(configuration);
        services.AddMudServices();
        services.AddTransient<MudLocalizer, SpanishMudLocalizer>();

        var connectionString = SqliteDatabase.Resolve(configuration.GetConnectionString("GobiernoDigital"), environment.ContentRootPath);
        // Every write moves DataVersion, so ComplianceCache keeps computed figures exactly until the data changes.
        services.AddDbContextFactory<GobiernoDigitalDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(DataVersion.Interceptor));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>().CreateDbContext());
        services.AddSingleton(TimeProvider.System);

        AddAccounts(services, configuration);

        services.AddSingleton<ComplianceCache>();
        services.AddSingleton<PrerenderedMarkup>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<ScoreEditingService>();
        services.AddScoped<MeasurementService>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<AuditTrailService>();
        services.AddScoped<ExportService>();
        services.AddScoped<PlanService>();
        services.AddSingleton<ImportGate>();
        services.AddScoped<ScoreImportService>();
        services.AddScoped<CatalogService>();
        services.AddScoped<TargetService>();
        services.AddScoped<ActionService>();
        services.AddScoped<PlanVersionService>();
        services.AddScoped<SimulatorService>();
        services.AddScoped<ProjectionService>();
        services.AddScoped<ReportService>();
        services.AddScoped<PeerAverageService>();
        services.AddScoped<OpenDataService>();
        services.AddBenchmarkDiagnostics(configuration);
        return services;
    }

    /// <summary>Whether anonymous visitors may read the dashboards (<c>Acceso:LecturaPublica</c>, default true).</summary>
    public static bool PublicReading(IConfiguration configuration) => configuration.GetValue("Acceso:LecturaPublica", true);

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        // A circuit re-reads its account every minute: demoted, disabled or deleted users lose the pages in open tabs too.
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<UniformSignIn>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<AccessGuard>();
        services.AddSingleton<FirstAdministratorSetup>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Acceso:IntentosFallidosMaximos", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Acceso:MinutosDeBloqueo", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GobiernoDigitalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SpanishIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/cuenta/ingresar";
            options.LogoutPath = "/cuenta/salir";
            options.AccessDeniedPath = "/cuenta/acceso-denegado";
            options.Cookie.Name = "GobiernoDigital.Sesion";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.ConfigureApplicationCookie(ApiAuthentication.AnswerApiWithStatusCodes);

        // A disabled user or a reset password ends the other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // Keys in the database: sign-ins survive a restart.
        services.AddDataProtection().SetApplicationName("GobiernoDigital").PersistKeysToDbContext<GobiernoDigitalDbContext>();

        services.AddAuthorization(options =>
        {
            Policies.Add(options);
            if (!PublicReading(configuration))
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });
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

    /// <summary>Creates the three roles when missing and opens the one-time set-up when there is no user.</summary>
    public static async Task InitializeAccountsAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }

        await app.Services.GetRequiredService<FirstAdministratorSetup>().OpenIfNoUserAsync();
    }

    /// <summary>Tells whoever ran <c>dotnet run</c> where to open the dashboard.</summary>
    public static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine("  GobiernoDigital Dashboard está listo.");
        Console.WriteLine($"  Abra {url} en el navegador.");
        var setupToken = app.Services.GetRequiredService<FirstAdministratorSetup>().Token;
        if (setupToken is not null)
        {
            Console.WriteLine("  Aún no hay usuarios. Cree el primer Administrador con este enlace de un solo uso:");
            Console.WriteLine($"    {url.TrimEnd('/')}/configuracion-inicial/{setupToken}");
            Console.WriteLine("  (El enlace deja de servir al usarse o al reiniciar la aplicación; al reiniciar sin usuarios se imprime otro.)");
        }
        else
        {
            Console.WriteLine($"  Para editar, inicie sesión en {url.TrimEnd('/')}/cuenta/ingresar con su usuario.");
        }

        Console.WriteLine(PublicReading(app.Configuration)
            ? "  La consulta de los tableros es pública: no hace falta iniciar sesión para verlos."
            : "  La consulta exige iniciar sesión (Acceso:LecturaPublica = false).");
        Console.WriteLine("  Pulse Ctrl+C para detenerlo.");
        Console.WriteLine();
    }
}
